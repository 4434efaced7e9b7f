/**
 * The sentences for replies read in context, in English and Japanese: a second problem ("Is this
 * a new problem, or part of the X one?"), a partial fix, a question about a step, a request for a
 * person, thanks without consent, and second wordings so the same sentence is never sent twice in
 * a row. The troubleshooting and offer sentences are in messages.ts.
 */
import { CATEGORY_NAMES, type Category, type Language } from '../domain/index.js';
import type { NumberedStep } from './messages.js';

export interface TurnMessages {
  /** How the open problem is named in "part of the X one". */
  problemName(category: Category): string;
  askWhichProblem(a: { current: string; other: string }): string;
  whichProblemReplies(current: string): string[];
  keptTogether(current: string): string;
  partlyFixed(openPart: string | undefined): string;
  explainSteps(a: { steps: NumberedStep[]; single: boolean; again: boolean }): string;
  /** At an offer: a person was asked for; `again` gives the second wording. */
  personPrompt(again: boolean): string;
  describeFirstPerson(again: boolean): string;
  alreadyReported(): string;
  asksNoted(a: { priority?: string; notes: number; person: boolean }): string;
  askAgainOther(): string;
  unclearAgain(): string;
  takeYourTimeAgain(): string;
  otherProblemReminder(name: string): string;
}

const listOf = (steps: NumberedStep[]) => steps.map((s) => `${s.number}. ${s.text}`).join('\n');
const EN_KEEP = new Set<Category>(['teams', 'vpn', 'mfa']);

const en: TurnMessages = {
  problemName: (category) =>
    category === 'other'
      ? 'first'
      : EN_KEEP.has(category)
        ? CATEGORY_NAMES.en[category]
        : CATEGORY_NAMES.en[category].toLowerCase(),
  askWhichProblem: ({ current, other }) =>
    `That sounds like a different problem (${other}). Is this a new problem, or part of the ${current} one? I'll keep a note of both either way.`,
  whichProblemReplies: (current) => ['A new problem', `Part of the ${current} one`],
  keptTogether: (current) =>
    `Got it — I've added that to the ${current} problem. How did the steps above go? Tell me what happened, or say "create a ticket" if you'd rather have IT look at it.`,
  partlyFixed: (open) =>
    `Good — that part works again, and I've noted it. Let's keep going with what still doesn't${open ? ` ("${open}")` : ''}.\n\n`,
  explainSteps: ({ steps, single, again }) =>
    (single ? `Sure — here is step ${steps[0]?.number ?? ''} again, in full:` : 'Sure — here are the steps again:') +
    `\n\n${listOf(steps)}\n\n` +
    'Look for the words in **bold** on your screen; the menus can differ a little between versions. ' +
    (again
      ? 'If it still looks different, describe what you see — or say "create a ticket" and someone from IT will walk you through it.'
      : 'If you can\'t find it, tell me what you see instead, or say "create a ticket" and IT will help.'),
  personPrompt: (again) =>
    again
      ? "Understood — you'd like to talk to someone. If you say yes, I'll create the ticket right now and IT staff will get in touch with you from there. Shall I?"
      : "The way to reach a person is this ticket: it goes straight to the IT team, and I've noted that you want someone to contact you. Shall I create it?",
  describeFirstPerson: (again) =>
    again
      ? "I understand you'd rather talk to someone. IT needs to know what it is about — one line is enough (for example \"Outlook won't open\"), and I'll prepare the ticket for a person right away."
      : "I can get a person from IT on this — first tell me briefly what's wrong (the app or device, what happens, any error message), so the ticket says what they need.",
  alreadyReported: () =>
    "Thanks for letting me know — then I won't create another ticket. If anything else comes up, just write here.",
  asksNoted: ({ priority, notes, person }) =>
    [
      priority && `Noted: priority ${priority}, as you asked.`,
      notes > 0 && "Noted — I'll add that to the ticket as your words.",
      person && "I've noted that you'd like someone to contact you.",
    ]
      .filter(Boolean)
      .join(' '),
  askAgainOther: () => 'Shall I go ahead and create the ticket now?',
  unclearAgain: () => 'Just to be sure: do you want me to create the ticket? A simple yes or no is fine.',
  takeYourTimeAgain: () =>
    "No rush — I'm here when you've tried the steps. Or say \"create a ticket\" and I'll hand it to IT.",
  otherProblemReminder: (name) =>
    `\n\nYou also mentioned another problem earlier (${name}) — if it still needs attention, just describe it here.`,
};

const ja: TurnMessages = {
  problemName: (category) => (category === 'other' ? '最初の' : CATEGORY_NAMES.ja[category]),
  askWhichProblem: ({ current, other }) =>
    `別の問題（${other}）のようです。これは新しい問題ですか？それとも${current}の問題の一部ですか？どちらの場合も両方記録しておきます。`,
  whichProblemReplies: (current) => ['別の問題です', `${current}の問題の一部です`],
  keptTogether: (current) =>
    `承知しました。${current}の問題の一部として記録しました。上の手順を試した結果はいかがでしたか？IT に見てもらいたい場合は「チケットを作成」と送ってください。`,
  partlyFixed: (open) =>
    `一部は直ったとのこと、よかったです。記録しました。まだ直っていない部分${open ? `（「${open}」）` : ''}について続けます。\n\n`,
  explainSteps: ({ steps, single, again }) =>
    (single ? `手順${steps[0]?.number ?? ''}をもう一度、詳しくご案内します：` : '手順をもう一度ご案内します：') +
    `\n\n${listOf(steps)}\n\n` +
    '画面上で **太字** の項目を探してください。バージョンによってメニューの表示が少し異なることがあります。' +
    (again
      ? 'それでも見当たらない場合は、画面に表示されている内容を教えてください。「チケットを作成」と送っていただければ、IT の担当者が手順をご案内します。'
      : '見つからない場合は、代わりに何が表示されているか教えてください。「チケットを作成」と送っていただければ IT が対応します。'),
  personPrompt: (again) =>
    again
      ? '承知しました。担当者とお話しになりたいのですね。「はい」とお答えいただければ、今すぐチケットを作成し、IT の担当者からご連絡します。作成してよろしいですか？'
      : '担当者につながる方法は、このチケットです。IT チームに直接届き、担当者から連絡してほしいことも記録しました。作成しますか？',
  describeFirstPerson: (again) =>
    again
      ? '担当者と話したいことは承知しました。何についてかを IT に伝える必要があります。一言で大丈夫です（例：「Outlook が開かない」）。すぐに担当者向けのチケットを用意します。'
      : 'IT の担当者におつなぎできるよう、まず何が起きているか簡単に教えてください（アプリや機器、起きている現象、エラーメッセージ）。',
  alreadyReported: () =>
    'お知らせありがとうございます。それでは重複しないよう、チケットは作成しません。ほかに何かあれば、ここに書いてください。',
  asksNoted: ({ priority, notes, person }) =>
    [
      priority && `ご希望どおり、優先度を「${priority}」として記録しました。`,
      notes > 0 && 'いただいた内容は、ご本人の言葉としてチケットに追記します。',
      person && '担当者からの連絡をご希望であることも記録しました。',
    ]
      .filter(Boolean)
      .join(''),
  askAgainOther: () => 'このままチケットを作成してよろしいですか？',
  unclearAgain: () => '念のため確認です。チケットを作成してよろしいですか？「はい」か「いいえ」でお答えください。',
  takeYourTimeAgain: () =>
    '急ぎませんので、手順を試したら教えてください。IT に任せたい場合は「チケットを作成」と送ってください。',
  otherProblemReminder: (name) =>
    `\n\n先ほど別の問題（${name}）についても書かれていました。まだお困りでしたら、ここに内容を書いてください。`,
};

export function turnMessagesFor(language: Language): TurnMessages {
  return language === 'ja' ? ja : en;
}

/** The second wording when the first would repeat what the assistant just said. */
export function unlessRepeated(text: string, previous: string | undefined, alternative: () => string): string {
  return previous !== undefined && previous.trim() === text.trim() ? alternative() : text;
}
