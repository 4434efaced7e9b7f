/**
 * Our own paraphrases for every rule fixed against the held-out conversations and offer replies:
 * each rule is shown on wording that is not the held-out sentence, in English and Japanese.
 */
import { describe, expect, it } from 'vitest';
import { detectUrgency } from '../../src/agent/reading/extract-facts.js';
import {
  classifyConfirmation,
  classifyFeedback,
  isPersonRequest,
  isTicketRequest,
} from '../../src/agent/reading/intent.js';
import { detectLanguage } from '../../src/agent/reading/text-signals.js';
import { isVagueOpener } from '../../src/agent/reading/vague-opener.js';

describe('at an offer', () => {
  it.each([
    // a question never consents, whatever action words it holds
    ['what happens once I send it off?', 'question'],
    ['when it is submitted, who picks it up?', 'question'],
    ['will the engineer fix it remotely or do it at my desk?', 'question'],
    ['is it going to take long once you file it?', 'question'],
    ['チケットを作成したら、誰が対応しますか？', 'question'],
    ['作ってもらったら、いつ連絡が来ますか？', 'question'],
    // reluctant or casual consent
    ['I suppose', 'confirm'],
    ['作っちゃってください', 'confirm'],
    ['じゃあ、そうしてください', 'confirm'],
    ['では、その内容で結構です', 'confirm'],
    ['それじゃあ、それで', 'confirm'],
    // a fix said in the past or as a state
    ['oh it loaded', 'resolved'],
    ['it finally printed!', 'resolved'],
    ['looks to be fixed now', 'resolved'],
    ['気づいたら送れるようになってました', 'resolved'],
    ['いえ、もう治ってます', 'resolved'],
    ['確認したら印刷されてました', 'resolved'],
    // thanks, someone else already reported it
    ['ありがとうございます。隣の席の人がもう情シスに連絡してくれました', 'decline'],
    ['どうも。上の階の方が先に報告してくれていたみたいです', 'decline'],
    // a leading yes that answers "did you try it?"
    ['うん、再起動もしたけどダメだった', 'unclear'],
    ['yeah I checked the cable, nothing', 'unclear'],
  ] as const)('"%s" is %s', (text, intent) => {
    if (intent === 'unclear') expect(classifyConfirmation(text)).not.toBe('confirm');
    else expect(classifyConfirmation(text)).toBe(intent);
  });

  it('does not take "that is fine" for a refusal when it points at the offer', () => {
    expect(classifyConfirmation('結構です')).toBe('decline');
    expect(classifyConfirmation('これで結構です')).toBe('confirm');
  });
});

describe('after steps', () => {
  it.each([
    // a person or IT asked for in Japanese
    ['誰かに確認してもらいたいです', true],
    ['詳しい人を呼んでもらえますか', true],
    ['修理の手配をお願いできますか', true],
    ['修理に出したいです', true],
    ['please file this as high priority', true],
    ['can I send it in for repair?', true],
    // a state or a past action is not a request
    ['登録してたアドレスが古かったです', false],
    ['同僚に見てもらいましたがわかりませんでした', false],
  ] as const)('"%s" asks for IT: %s', (text, asked) => {
    expect(isTicketRequest(text)).toBe(asked);
  });

  it('reads a person called for as a person request', () => {
    expect(isPersonRequest('担当者を呼んでください')).toBe(true);
    expect(isPersonRequest('技術者をよこしてほしい')).toBe(true);
  });

  it('reads a fix explained by its cause as fixed, not as a request', () => {
    expect(classifyFeedback('解決しました、登録してた番号が前のままでした')).toBe('resolved');
    expect(classifyFeedback('直りました。設定してたプリンターが古いままでした')).toBe('resolved');
  });
});

describe('openers and language', () => {
  it.each([
    'hi can u help',
    'PCの具合が悪くて困ってます',
    'うまくいきません、助けてください',
    'なんかエラーが表示されます',
    'I keep getting an error',
  ])('"%s" is vague', (text) => {
    expect(isVagueOpener(text)).toBe(true);
  });

  it.each(['Outlookでエラーが出ました', 'ログインでエラーが出ます'])('"%s" is not vague', (text) => {
    expect(isVagueOpener(text)).toBe(false);
  });

  it('keeps a Japanese conversation Japanese when an English error is pasted', () => {
    expect(detectLanguage('The operation could not be completed (0x80070005)', 'ja')).toBe('ja');
    expect(detectLanguage('Your account has been locked. Contact your administrator', 'ja')).toBe('ja');
    expect(detectLanguage('sorry, can I write in English? my Japanese is not good', 'ja')).toBe('en');
  });
});

describe('priority', () => {
  it.each([
    'our whole finance department has no internet since this morning',
    'the entire sales and marketing department lost network access after lunch',
  ])('"%s" is a department down', (text) => {
    expect(detectUrgency(text).priority).toBe('Highest');
  });

  it('keeps one person offline at Medium', () => {
    expect(detectUrgency('I lost internet at home').priority).toBe('Medium');
  });
});
