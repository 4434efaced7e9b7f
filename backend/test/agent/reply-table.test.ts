/**
 * The reply table of docs/conversations.md, row by row, in English and Japanese: how a message is
 * read against what the assistant just asked. Phrasings are our own (typos, casual, polite
 * Japanese, mixed replies), not copies of the multi-turn cases.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { mergeAsks, readAsks } from '../../src/agent/reading/asks.js';
import { isChangeOfMind } from '../../src/agent/reading/consent.js';
import { classifyConfirmation, type ConfirmationIntent } from '../../src/agent/reading/intent.js';
import { openPart, readStepOutcome } from '../../src/agent/reading/outcome.js';
import { isPersonRequest, isTicketRequest } from '../../src/agent/reading/requests.js';
import { readWhichProblem } from '../../src/agent/reading/second-problem.js';
import { stepNumberIn } from '../../src/agent/reading/step-question.js';
import { classifyTurn } from '../../src/agent/reading/turn-intent.js';
import type { Escalation, Problem, TurnIntent } from '../../src/agent/state.js';
import { createKnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import type { KnowledgeBase } from '../../src/knowledge/ports.js';

const here = path.dirname(fileURLToPath(import.meta.url));
let knowledge: KnowledgeBase;
beforeAll(async () => {
  knowledge = await createKnowledgeBase({ dir: path.resolve(here, '../../knowledge/playbooks') });
});

const printerProblem: Problem = {
  category: 'printer',
  firstMessage: 'the printer by the kitchen only prints blank pages',
  symptom: 'prints blank pages',
  environment: {},
  priority: 'Medium',
  playbookIds: ['printer-queue-stuck'],
  transcriptStart: 0,
};
const afterSteps = (text: string): TurnIntent =>
  classifyTurn(text, { problem: printerProblem, escalation: null, phase: 'troubleshooting' }, knowledge);

describe('at an offer: consent creates, refusal and negation do not', () => {
  it.each<[string, ConfirmationIntent]>([
    ['yeah go for it', 'confirm'],
    ['sure thing, file it', 'confirm'],
    ['Yes please, that would be great', 'confirm'],
    ['ok do it', 'confirm'],
    ['yep, send it over', 'confirm'],
    ['absolutely', 'confirm'],
    ['pls do', 'confirm'],
    ['👍', 'confirm'],
    ['ya ok', 'confirm'],
    ['could you raise it for me?', 'confirm'],
    ['can you open it now?', 'confirm'],
    ['hmm, alright, go ahead', 'confirm'],
    ['no wait — yes, create it', 'confirm'],
    ['it is still broken so yes, log it', 'confirm'],
    ['お願いします！', 'confirm'],
    ['はい、作成してください', 'confirm'],
    ['ぜひお願いします', 'confirm'],
    ['はい、よろしくお願いいたします', 'confirm'],
    ['起票してもらえますか', 'confirm'],
    ['それでお願いします', 'confirm'],
    ['no thanks', 'decline'],
    ['nah, not needed', 'decline'],
    ["please don't", 'decline'],
    ["don't open anything yet", 'decline'],
    ['no need for that', 'decline'],
    ['not right now, thx', 'decline'],
    ["I'd rather not", 'decline'],
    ['hold off for now', 'decline'],
    ['nope, leave it', 'decline'],
    ["yes... actually no, I'll try again tomorrow first", 'decline'],
    ["wait no, don't file it", 'decline'],
    ['let me ask my manager first', 'decline'],
    ["I'll sort it myself, thanks", 'decline'],
    ['いいえ、大丈夫です', 'decline'],
    ['作成しないでください', 'decline'],
    ['今はやめておきます', 'decline'],
    ['チケットは不要です', 'decline'],
    ['いや、作らなくて大丈夫です', 'decline'],
    ['もう少し様子を見ます', 'decline'],
  ])('"%s" → %s', (text, intent) => {
    expect(classifyConfirmation(text)).toBe(intent);
  });
});

describe('at an offer: a fix, a question, thanks without consent, unclear', () => {
  it.each<[string, ConfirmationIntent]>([
    ['oh it just started working, never mind', 'resolved'],
    ['yes, it prints fine now', 'resolved'],
    ['no need, sorted it myself - the cable was loose', 'resolved'],
    ['actually it works again!', 'resolved'],
    ['もう直りました、ありがとうございます', 'resolved'],
    ['再起動したら使えるようになりました', 'resolved'],
    ['印刷できました！', 'resolved'],
    ['who gets to read this ticket?', 'question'],
    ['how long does IT usually take?', 'question'],
    ['will my manager be told about it?', 'question'],
    ['what info goes into it?', 'question'],
    ['どのくらいで対応してもらえますか？', 'question'],
    ['チケットの内容は誰が見られますか？', 'question'],
    ['thanks, a colleague already raised one this morning', 'decline'],
    ['cheers, my boss already called the helpdesk about it', 'decline'],
    ["thank you, that's everything for today", 'decline'],
    ['ty, all good, someone has already reported this', 'decline'],
    ['ありがとうございます。もう先輩がチケットを出してくれました', 'decline'],
    ['ありがとうございます、すでに電話で報告済みです', 'decline'],
    ['ありがとうございます、以上です', 'decline'],
    ['thanks', 'unclear'],
    ['ok thank you', 'unclear'],
    ['hmm', 'unclear'],
    ['ありがとうございます', 'unclear'],
    ['the screen is still blank', 'unclear'],
  ])('"%s" → %s', (text, intent) => {
    expect(classifyConfirmation(text)).toBe(intent);
  });
});

describe('at an offer: conditions on consent', () => {
  it.each<[string, 'High' | 'Low' | undefined, string[]]>([
    ['yes, and mark it as urgent please', 'High', []],
    ['go ahead, high priority pls', 'High', []],
    ['sure - please make it urgent, I have a client demo', 'High', []],
    ['ok, low priority is fine', 'Low', []],
    ['はい、至急でお願いします', 'High', []],
    ['お願いします。優先度を高めにしてください', 'High', []],
    ['はい、急ぎではないので後回しで大丈夫です', 'Low', []],
    ["yes - please add that I'm out of office on Friday", undefined, ["I'm out of office on Friday"]],
    ['sure, mention that the whole sales team sees it too', undefined, ['the whole sales team sees it too']],
    ['ok, and note that my desk is 3-207', undefined, ['my desk is 3-207']],
    [
      "yes. I'm working from home tomorrow, call me on 555-0142",
      undefined,
      ["I'm working from home tomorrow, call me on 555-0142"],
    ],
    ['はい。来週から出張なので、その旨も記載してください', undefined, ['来週から出張なので']],
    ['お願いします。内線は4410ですと伝えてください', undefined, ['内線は4410です']],
  ])('"%s" → priority %s, notes %j', (text, level, notes) => {
    expect(classifyConfirmation(text)).toBe('confirm');
    const asks = readAsks(text);
    expect(asks.priority?.level).toBe(level);
    expect(asks.notes).toEqual(notes);
  });

  it('keeps earlier asks and adds new notes once', () => {
    const first = mergeAsks(undefined, readAsks('please mark it urgent'));
    const second = mergeAsks(first, readAsks("yes, add that I'm travelling on Monday"));
    const third = mergeAsks(second, readAsks("yes, add that I'm travelling on Monday"));
    expect(third).toEqual({
      priority: { level: 'High', words: 'mark it urgent' },
      notes: ["I'm travelling on Monday"],
    });
  });
});

describe('after steps: fixed, partly fixed, not fixed, a leading yes', () => {
  it.each<[string, TurnIntent]>([
    ['that sorted it, cheers', 'resolved'],
    ['yep it prints now', 'resolved'],
    ['all good now thx!!', 'resolved'],
    ['restarting did the trick', 'resolved'],
    ['the error is gone', 'resolved'],
    ['印刷できるようになりました！', 'resolved'],
    ['解決しました、ありがとうございました', 'resolved'],
    ['直ったみたいです', 'resolved'],
    ['nope', 'not_fixed'],
    ['same thing again', 'not_fixed'],
    ['tried all 3, no difference', 'not_fixed'],
    ['didnt work', 'not_fixed'],
    ['still blank pages :(', 'not_fixed'],
    ['yes I did that, still nothing comes out', 'not_fixed'],
    ['yeah cleared the queue but the pages are still empty', 'not_fixed'],
    ['yup rebooted it, no change', 'not_fixed'],
    ['it worked once and then went blank again', 'not_fixed'],
    ['だめです', 'not_fixed'],
    ['全部やりましたが変わりません', 'not_fixed'],
    ['はい、試しましたがまだ白紙です', 'not_fixed'],
    ['うん、やったけど相変わらずです', 'not_fixed'],
    ['ええ、再起動しましたが同じでした', 'not_fixed'],
    ['black prints fine now but colour is still missing', 'partly_fixed'],
    ['the first page came out ok, rest still blank', 'partly_fixed'],
    ['wifi works now but the VPN still drops', 'partly_fixed'],
    ['白黒は印刷できるようになりましたが、カラーはまだダメです', 'partly_fixed'],
    ['メールは届くようになった。でも添付ファイルはまだ開けません', 'partly_fixed'],
  ])('"%s" → %s', (text, turn) => {
    expect(afterSteps(text)).toBe(turn);
  });

  it.each([
    ['black prints fine now but colour is still missing', 'colour is still missing'],
    ['白黒は印刷できるようになりましたが、カラーはまだダメです', 'カラーはまだダメです'],
  ])('names the open part of "%s"', (text, open) => {
    expect(openPart(text)).toBe(open);
  });

  it.each([
    ['yes', 'fixed'],
    ['yes thanks!', 'fixed'],
    ['yes I did', 'tried'],
    ['done', 'tried'],
  ] as const)('a leading yes: "%s" → %s', (text, reading) => {
    expect(readStepOutcome(text)).toBe(reading);
  });
});

describe('after steps: a question about a step stays on the problem', () => {
  it.each<[string, TurnIntent]>([
    ["where's the print queue? can't see it", 'step_question'],
    ['step 3 - which button do i press exactly?', 'step_question'],
    ["I don't see a 'Cancel all documents' option", 'step_question'],
    ['what does "spooler" mean?', 'step_question'],
    ['is it ok to cancel other peoples jobs in the queue?', 'step_question'],
    ['the second step, how do I do that on a Mac?', 'step_question'],
    ['手順3のボタンがどこにあるか分かりません', 'step_question'],
    ['2番目の「印刷キュー」はどうやって開くんですか？', 'step_question'],
    ['スプーラーって何ですか？', 'step_question'],
    ['キューを全部消しても大丈夫ですか？', 'step_question'],
  ])('"%s" → %s', (text, turn) => {
    expect(afterSteps(text)).toBe(turn);
  });

  it.each([
    ['stuck at step 2', 2],
    ['the 3rd step', 3],
    ['second step is confusing', 2],
    ['手順2がわかりません', 2],
    ['3番目の手順', 3],
    ['ステップ１', 1],
  ])('"%s" names step %i', (text, n) => {
    expect(stepNumberIn(text)).toBe(n);
  });
});

describe('ticket and person requests, at any time', () => {
  it.each<[string, TurnIntent]>([
    ['ticket pls', 'wants_ticket'],
    ['can you pass this on to IT?', 'wants_ticket'],
    ['just escalate it', 'wants_ticket'],
    ['this needs to go to the helpdesk', 'wants_ticket'],
    ['still blank. get IT to look at it please', 'wants_ticket'],
    ['could someone in IT take a look?', 'wants_ticket'],
    ['チケット切ってもらえますか', 'wants_ticket'],
    ['情シスに回してください', 'wants_ticket'],
    ['ITの方で見てもらえませんか', 'wants_ticket'],
    ['can I speak to someone?', 'wants_person'],
    ['i want a real person not a bot', 'wants_person'],
    ['could a technician call me back?', 'wants_person'],
    ['get me a human pls', 'wants_person'],
    ['担当の方と話せますか', 'wants_person'],
    ['人間のオペレーターにつないでください', 'wants_person'],
    ['電話で相談したいです', 'wants_person'],
    ['詳しい人に見てもらいたいです', 'wants_person'],
  ])('"%s" → %s', (text, turn) => {
    expect(afterSteps(text)).toBe(turn);
  });

  it.each([
    "I don't want a ticket yet",
    'no need to call anyone',
    'チケットは作らないでください',
    'I opened the app again',
    'my colleague said it might be the toner',
  ])('"%s" is no request', (text) => {
    expect(isTicketRequest(text) || isPersonRequest(text)).toBe(false);
  });
});

describe('after a decline: a change of mind', () => {
  it.each([
    ['actually, yes please do it', true],
    ['on second thought go ahead', true],
    ['hmm ok yes, raise it', true],
    ['changed my mind, log it please', true],
    ['やっぱりお願いします', true],
    ['やはり作成してください', true],
    ['考え直しました、起票お願いします', true],
    ['yes', false],
    ['ok', false],
    ['no, still no ticket', false],
    ['thanks!', false],
    ['やっぱりいいです', false],
  ] as const)('"%s" → %s', (text, expected) => {
    expect(isChangeOfMind(text)).toBe(expected);
  });

  it('reads "go ahead" after a decline as the ticket wanted', () => {
    const declined: Escalation = { id: 'c:1', status: 'declined' };
    const context = { problem: printerProblem, escalation: declined, phase: 'closed' as const };
    expect(classifyTurn('actually, go ahead', context, knowledge)).toBe('wants_ticket');
    expect(classifyTurn('やっぱりお願いします', context, knowledge)).toBe('wants_ticket');
    expect(classifyTurn('thanks', context, knowledge)).not.toBe('wants_ticket');
  });
});

describe('a second problem', () => {
  it.each([
    'also my laptop battery drains in an hour',
    'btw my Outlook keeps asking for my password',
    'another thing: the webcam shows a black picture in Teams',
    'あと、別件ですがOutlookのパスワードを何度も聞かれます',
    'それとノートPCのバッテリーがすぐ切れます',
  ])('"%s" asks whether it is new', (text) => {
    expect(afterSteps(text)).toBe('second_problem');
  });

  it.each([
    'restarted the printer, still blank',
    'I also cleared the queue, same result',
    'also tried another tray',
    'swapped the toner too, nothing',
    'ドライバーも更新しましたが、あわせてダメでした',
  ])('"%s" is feedback, not a second problem', (text) => {
    expect(afterSteps(text)).not.toBe('second_problem');
  });

  it.each([
    ['a new one', 'new'],
    ["no, it's unrelated", 'new'],
    ['separate issue', 'new'],
    ['not the same thing', 'new'],
    ['same problem I think', 'same'],
    ['probably related', 'same'],
    ["it's not a new one", 'same'],
    ['no idea', 'unsure'],
    ['別の問題です', 'new'],
    ['関係ないと思います', 'new'],
    ['たぶん同じ原因です', 'same'],
    ['わからないです', 'unsure'],
    ['still blank pages', undefined],
  ] as const)('"%s" answers %s', (text, answer) => {
    expect(readWhichProblem(text)).toBe(answer);
  });
});
