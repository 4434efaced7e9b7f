/**
 * Gaps found by trying the assistant with fresh phrasing after the suite passed (issue 9): a bare
 * "then a ticket" in Japanese, katakana inside other words, and a second problem mentioned after
 * a sentence that reports a step.
 */
import { describe, expect, it } from 'vitest';
import { extractEnvironment } from '../../src/agent/reading/extract-facts.js';
import { isTicketRequest } from '../../src/agent/reading/intent.js';
import { isPersonRequest } from '../../src/agent/reading/requests.js';
import { useOfflineAgents, user } from './agent-harness.js';
import { createFakeTickets } from './fake-tickets.js';

describe('a ticket asked for with a bare noun', () => {
  it.each(['じゃあチケットで', 'チケットで！', 'それならチケットに', 'もうチケットで。'])(
    '%s is a ticket request',
    (text) => {
      expect(isTicketRequest(text)).toBe(true);
    },
  );
  it.each(['チケットは？', 'チケットって何ですか', 'チケット作らなくていいです'])('%s is not', (text) => {
    expect(isTicketRequest(text)).toBe(false);
  });
});

describe('a person asked for in Japanese', () => {
  it.each(['わかりました、担当の方にお願いしたいです', '担当者に見てもらいたいです', '担当の人に任せたいです'])(
    '%s asks for a person',
    (text) => {
      expect(isPersonRequest(text)).toBe(true);
    },
  );
  it.each(['担当者に連絡済みです', '担当の方はどなたですか', '担当者にはもう相談してもらいました'])(
    '%s does not',
    (text) => {
      expect(isPersonRequest(text)).toBe(false);
    },
  );
});

describe('product names in katakana are whole words', () => {
  it.each([
    ['パスワードを忘れてしまいました', undefined],
    ['キーワード検索が効かない', undefined],
    ['ワードが開かない', 'Word'],
    ['ズームインするとアプリが落ちる', undefined],
    ['ズームの音が途切れる', 'Zoom'],
  ])('%s → %s', (text, app) => {
    expect(extractEnvironment(text).app).toBe(app);
  });
});

describe('a second problem after a sentence that reports a step', () => {
  const createAgent = useOfflineAgents('second-look-');

  it.each([
    ['Teamsの通知が来ない', 'それは確認しました。ほかにもメールも同期されないんですが'],
    ['teams notifications dont show up', 'checked that. also my outlook wont sync new mail'],
  ])('after "%s", "%s" is asked about as another problem', async (opener, text) => {
    const agent = await createAgent({ tickets: createFakeTickets() });
    const say = (t: string) =>
      agent.reply({ conversationId: 'c2', messageId: crypto.randomUUID(), text: t, user, owner: user.email });
    await say(opener);
    const reply = await say(text);
    expect(reply.quickReplies?.length).toBe(2);
    expect(reply.text).toMatch(/new problem|新しい問題/);
  });

  it.each(['swapped the toner too, nothing', 'also cleared the queue, nothing', 'トナーも交換しましたが、だめです'])(
    '"%s" after printer steps is feedback',
    async (text) => {
      const agent = await createAgent({ tickets: createFakeTickets() });
      const say = (t: string) =>
        agent.reply({ conversationId: 'c3', messageId: crypto.randomUUID(), text: t, user, owner: user.email });
      await say('the printer prints faded pages');
      const reply = await say(text);
      expect(reply.text).not.toMatch(/new problem|新しい問題/);
    },
  );
});

describe('asking for more steps', () => {
  const createMore = useOfflineAgents('more-steps-');
  it.each([
    'is there anything else I can try?',
    'any other ideas?',
    'what else can I do',
    '他に何か試せることはありますか？',
    '別の方法はありますか',
  ])('"%s" after the first steps gets the next ones', async (text) => {
    const agent = await createMore({ tickets: createFakeTickets() });
    const say = (t: string) =>
      agent.reply({ conversationId: 'c4', messageId: crypto.randomUUID(), text: t, user, owner: user.email });
    const first = await say(/[ぁ-ん]/.test(text) ? 'プリンターがオフラインになっています' : 'printer says offline');
    const next = await say(text);
    expect(first.text).toMatch(/\b1\. /);
    expect(next.text).not.toMatch(/(?:^|\s)1\. /);
    expect(next.text).toMatch(/\b4\. /);
  });
});
