import { describe, expect, it } from 'vitest';
import { chatCopyFor, languageOfText, statusName } from '../../src/chat/chat-copy.js';

describe('the chat copy table', () => {
  it.each([
    ['In Progress', '対応中'],
    ['To Do', '未着手'],
    ['Done', '完了'],
    ['resolved', '解決済み'],
    ['Waiting for customer', 'ご回答待ち'],
    ['QA Sign-off', 'QA Sign-off'],
  ])('shows the Jira status "%s" as "%s" in Japanese', (status, ja) => {
    expect(statusName(status, 'ja')).toBe(ja);
    expect(statusName(status, 'en')).toBe(status);
  });

  it('has no English in the Japanese texts except names', () => {
    const ja = chatCopyFor('ja');
    const texts = [
      ja.fallback,
      ja.comment({ key: 'IT-9', author: 'Dana Lee', text: '再起動してください' }),
      ja.status({ key: 'IT-9', status: 'In Progress' }),
      ja.status({ key: 'IT-9', status: 'Done' }),
      ja.status({ key: 'IT-9', status: 'Waiting for support' }),
    ];
    for (const text of texts) {
      expect(text.replace(/IT-9|Dana Lee|\bIT\b/g, '')).not.toMatch(/[A-Za-z]{2,}/);
    }
  });

  it('picks the language from the script before the agent has answered', () => {
    expect(languageOfText('プリンターが動きません')).toBe('ja');
    expect(languageOfText('printer is jammed')).toBe('en');
    expect(chatCopyFor(undefined).fallback).toMatch(/^Sorry/);
  });
});
