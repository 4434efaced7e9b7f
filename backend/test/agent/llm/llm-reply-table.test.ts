/**
 * The reply table in LLM mode (issue 9): the same rows as the offline engine, read at a ticket
 * offer by a scripted model. Where a wrong reading would create a ticket the employee refused, the
 * rules guard it: a model that hears "confirm" in every reply creates a ticket only on consent;
 * a model that hears nothing still creates one on a plain yes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SupportAgent } from '../../../src/chat/ports.js';
import { chat, createHarness, type Harness, OPENER, script } from './llm-harness.js';

const NO_TICKET = [
  "no thanks, don't create a ticket",
  'please don’t',
  'nah leave it',
  'not now, maybe later',
  'no need, a colleague already reported it',
  "thanks, I've already reported it",
  "thanks, that's all",
  'yes, it works now',
  'it just started working again',
  'who will see the ticket?',
  'how long does it usually take?',
  'what happens after I submit it?',
  'いいえ、作らなくていいです',
  '結構です',
  'もう直りました',
  'ありがとうございます、同僚がもう報告してくれました',
  'どのくらいかかりますか？',
  '誰がチケットを見るんですか？',
];

const TICKET = [
  'yes please',
  'sure, go ahead',
  'yep do it',
  'ok log it',
  'please raise one for me',
  'はい、お願いします',
  'お願いします',
  'チケットを作成してください',
];

let h: Harness;
let agent: SupportAgent;
let n = 0;

async function atOffer() {
  const say = chat(agent, `conv-table-${n++}`);
  await say(OPENER);
  const offer = await say('create a ticket');
  expect(offer.quickReplies?.length).toBeGreaterThan(0);
  return say;
}

beforeAll(async () => {
  h = await createHarness();
  agent = await h.newAgent();
});

afterAll(async () => {
  await h.close();
});

describe('replies to an offer in LLM mode', () => {
  it.each(NO_TICKET)('"%s" creates no ticket even when the model hears consent', async (text) => {
    h.model.respond = script({ confirmation: { json: { intent: 'confirm', answer: null } } });
    const say = await atOffer();
    const before = h.tickets.calls.length;
    const reply = await say(text);
    expect(h.tickets.calls.length).toBe(before);
    expect(reply.ticket).toBeUndefined();
  });

  it.each(TICKET)('"%s" creates the ticket even when the model hears nothing', async (text) => {
    h.model.respond = script({ confirmation: { json: { intent: 'unclear', answer: null } } });
    const say = await atOffer();
    const reply = await say(text);
    expect(reply.ticket?.key).toMatch(/^IT-\d+$/);
  });

  it.each(TICKET)('"%s" creates the ticket when the model reads it right', async (text) => {
    h.model.respond = script();
    const say = await atOffer();
    const reply = await say(text);
    expect(reply.ticket?.key).toMatch(/^IT-\d+$/);
  });
});
