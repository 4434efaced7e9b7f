import { describe, expect, it } from 'vitest';
import { detailsStrength, isTicketStatusQuestion } from '../../src/agent/reading/ticket-questions.js';

describe('questions about existing tickets', () => {
  it.each([
    "What's the status of my ticket?",
    'my tickets',
    'Show me my open tickets',
    'any update on my ticket?',
    'where is my ticket',
    'what is the progress on the ticket',
    'チケットの状況を教えてください',
    '私のチケット',
  ])('reads %j as a status question', (text) => {
    expect(isTicketStatusQuestion(text)).toBe(true);
  });

  it.each(['Teams is not working', 'yes, create a ticket', 'I need a ticket', 'status bar is missing in Excel'])(
    'does not read %j as a status question',
    (text) => {
      expect(isTicketStatusQuestion(text)).toBe(false);
    },
  );

  it('tells new details for a ticket from questions and remarks', () => {
    expect(detailsStrength('here is the error code: 0x80070005')).toBe('strong');
    expect(detailsStrength('It also happens on the office wifi since Monday')).toBe('strong');
    expect(detailsStrength('The log says access denied at 09:14')).toBe('weak');
    expect(detailsStrength('what does error 0x80070005 mean?')).toBe('none');
    expect(detailsStrength('ok thanks')).toBe('none');
    expect(detailsStrength('I had lunch with my colleagues today')).toBe('none');
  });
});
