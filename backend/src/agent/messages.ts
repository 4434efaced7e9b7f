/**
 * The troubleshooting and offer sentences, in English and Japanese (ticket and urgent-issue
 * texts are in ticket-messages.ts and urgent-messages.ts). The employee's language decides the table; playbook steps stay in English when a playbook has no Japanese steps.
 */
import type { TicketRef } from '../contract/index.js';
import type { Playbook } from '../knowledge/ports.js';
import { CATEGORY_NAMES, PRIORITY_NAMES, type Category, type Language, type Priority } from '../domain/index.js';
import { categoryPhrase } from './category-phrases.js';
import type { OfferReason, StepRecord } from './state.js';

export const OFFER_QUICK_REPLIES: Record<Language, string[]> = {
  en: ['Yes, create a ticket', 'No, thanks', "It's working now"],
  ja: ['はい、チケットを作成', 'いいえ、結構です', '直りました'],
};

export const TROUBLESHOOT_QUICK_REPLIES: Record<Language, string[]> = {
  en: ['That fixed it', 'Still not working', 'Create a ticket'],
  ja: ['直りました', 'まだ直りません', 'チケットを作成'],
};

/** How the assistant cites a playbook to the employee: its Japanese title for a Japanese speaker. */
export function playbookTitleFor(playbook: Pick<Playbook, 'title' | 'titleJa'>, language: Language): string {
  return language === 'ja' ? (playbook.titleJa ?? playbook.title) : playbook.title;
}

export interface NumberedStep {
  number: number;
  text: string;
}

export interface OfferPreview {
  reason: OfferReason;
  /** Replaces the reason's opening sentence; used when IT must act at once. */
  intro?: string;
  summary: string;
  playbookTitle?: string;
  category: Category;
  priority: Priority;
  /** Why, in the employee's language (e.g. `the employee asked for urgency: "asap"`). */
  priorityReason?: string;
  steps: StepRecord[];
  escalateWhen?: string;
}

export interface Messages {
  greeting(name: string): string;
  describeFirst(name: string): string;
  takeYourTime(): string;
  welcome(): string;
  firstSteps(a: {
    name: string;
    category: Category;
    priority: Priority;
    title: string;
    steps: NumberedStep[];
    inEnglish: boolean;
  }): string;
  nextSteps(a: { title: string; steps: NumberedStep[]; inEnglish: boolean }): string;
  resolved(ticket?: TicketRef): string;
  offer(p: OfferPreview): string;
  answer(question: string): string;
  askAgain(): string;
  unclear(): string;
  declined(): string;
  created(ticket: TicketRef): string;
  createFailed(): string;
  /** The escalation is stored and will be created when the ticket system answers again. */
  queued(): string;
  /** A queued escalation became a ticket. */
  createdLater(ticket: TicketRef): string;
  existing(ticket: TicketRef): string;
  /** Joins a model reply cut off mid-stream to the offline text that replaces it. */
  cutOff(): string;
}

const list = (steps: NumberedStep[]) => steps.map((s) => `${s.number}. ${s.text}`).join('\n');
const firstName = (name: string) => name.trim().split(/\s+/)[0] ?? '';

function countOutcomes(steps: StepRecord[]): { notFixed: number; unknown: number } {
  const notFixed = steps.filter((s) => s.outcome === 'not_fixed').length;
  return { notFixed, unknown: steps.length - notFixed - steps.filter((s) => s.outcome === 'fixed').length };
}

function stepsTriedEn(p: OfferPreview): string {
  if (p.steps.length === 0) return 'none yet';
  const { notFixed, unknown } = countOutcomes(p.steps);
  const from = p.playbookTitle ? ` from *${p.playbookTitle}*` : '';
  const outcomes = [notFixed > 0 && `${notFixed} did not help`, unknown > 0 && `${unknown} not reported`].filter(
    Boolean,
  );
  return `${p.steps.length}${from} (${outcomes.join(', ')})`;
}

function stepsTriedJa(p: OfferPreview): string {
  if (p.steps.length === 0) return 'まだありません';
  const { notFixed, unknown } = countOutcomes(p.steps);
  const from = p.playbookTitle ? `（*${p.playbookTitle}*）` : '';
  const outcomes = [notFixed > 0 && `効果なし ${notFixed}`, unknown > 0 && `結果未確認 ${unknown}`].filter(Boolean);
  return `${p.steps.length} 件${from}：${outcomes.join('、')}`;
}

const en: Messages = {
  greeting: (name) =>
    `Hi${name ? ` ${firstName(name)}` : ''}! I'm the IT support assistant. Tell me what isn't working: the app or device, what you see (an error message word for word helps), and since when.`,
  describeFirst: (name) =>
    `Sure${name ? `, ${firstName(name)}` : ''} — first tell me what is wrong, so the ticket says what IT needs: the app or device, what happens, and any error message.`,
  takeYourTime: () =>
    'Take your time. Tell me what happened after trying the steps — or say "create a ticket" if you would rather have IT look at it.',
  welcome: () => "You're welcome! If something else isn't working, just describe it here.",
  firstSteps: (a) =>
    `Thanks${a.name ? `, ${firstName(a.name)}` : ''}. This looks like ${categoryPhrase(a.category, 'en')}` +
    (a.priority === 'High' || a.priority === 'Highest'
      ? `, and I've noted it as urgent (priority ${a.priority})`
      : '') +
    `. From the playbook *${a.title}*, please try:\n\n${list(a.steps)}\n\n` +
    'Did that fix it? Tell me what happened — or say "create a ticket" if you would rather have IT take a look.',
  nextSteps: (a) => `Thanks for trying that. Next, from the playbook *${a.title}*:\n\n${list(a.steps)}\n\nAny change?`,
  resolved: (ticket) =>
    ticket
      ? `Glad it's working again! Ticket ${ticket.key} is already with IT — mention that it's fixed if they contact you.`
      : "Great — glad it's working again! If it comes back, just tell me here and we'll pick up where we left off.",
  offer: (p) =>
    (p.intro
      ? `${p.intro}\n\n`
      : p.reason === 'exhausted'
        ? 'That was the last step I have for this, so it needs someone from IT. '
        : p.reason === 'person'
          ? "I can't put you through to someone live from this chat, but a ticket goes straight to a person in IT, and I've noted that you'd like someone to contact you. "
          : 'Sure, I can hand this to IT. ') +
    `Here is the ticket I would create:\n\n` +
    `- **Summary:** ${p.summary}\n- **Category:** ${CATEGORY_NAMES.en[p.category]}\n- **Priority:** ${PRIORITY_NAMES.en[p.priority]}${p.priorityReason ? ` (${p.priorityReason})` : ''}\n` +
    `- **Steps tried:** ${stepsTriedEn(p)}\n` +
    '- Your first message and this chat transcript are included.\n\n' +
    (p.escalateWhen ? `The playbook says IT needs to take over when: ${p.escalateWhen}\n\n` : '') +
    'Shall I create the ticket?',
  answer: (q) => answerEn(q),
  askAgain: () => 'So — shall I create the ticket?',
  unclear: () =>
    "I'll only open a ticket when you say so. Shall I create it? Pick an option below or tell me in your own words.",
  declined: () =>
    "Okay, I won't create a ticket. If it's still not working later, just say \"create a ticket\" and I'll open one with everything we tried.",
  created: (t) =>
    `Done — I created ticket **${t.key}**: ${t.url}\nIT will pick it up from there, and their updates will show up in this chat.`,
  createFailed: () =>
    'Sorry — I could not create the ticket right now. Nothing is lost: say "create a ticket" again in a moment and I will retry.',
  queued: () =>
    "IT's ticket system is unreachable right now, so your request is queued. Nothing is lost — I'll create the ticket as soon as it's back and post its number and link here. You don't need to ask again.",
  createdLater: (t) =>
    `Your queued request is now ticket **${t.key}**: ${t.url}\nIT will pick it up from there, and their updates will show up in this chat.`,
  existing: (t) =>
    `You already have a ticket for this problem: **${t.key}** — ${t.url}\nI won't create a second one. If something else is wrong, just describe the new problem.`,
  cutOff: () => '…\n\n(My answer was cut off — here it is in full.)\n\n',
};

function answerEn(question: string): string {
  const q = question.toLowerCase();
  if (/\bwho\b|\bsee\b|\bvisible\b|\bprivate\b/.test(q)) {
    return 'The ticket goes to the IT support queue in Jira, where IT staff work on it. It contains the details shown above and this chat transcript — nothing else from your computer.';
  }
  if (/\bhow long\b|\bwhen\b|\bsoon\b|\bfast\b|\brespon/.test(q)) {
    return "I can't promise a response time — that depends on IT's queue and the ticket's priority. Their updates will appear here in this chat.";
  }
  if (/\bwhat happens\b|\bif i say\b|\bthen what\b|\bnext\b/.test(q)) {
    return 'If you say yes, I create one ticket with the details above and give you its number and link here. When IT comments or changes its status, you will see it in this chat.';
  }
  if (/\badd\b|\bchange\b|\bedit\b|\bmore detail/.test(q)) {
    return 'Anything you write in this chat goes into the ticket transcript, so you can add details in your next message first.';
  }
  return "I'm not sure about that one — IT can answer it in the ticket.";
}

const ja: Messages = {
  greeting: (name) =>
    `${name ? `${firstName(name)}さん、` : ''}こんにちは。IT サポートアシスタントです。うまくいかないことを教えてください：アプリや機器、表示される内容（エラーメッセージはそのまま）、いつからか。`,
  describeFirst: () =>
    'かしこまりました。チケットに IT が必要な情報を書けるよう、まず何が起きているか教えてください：アプリや機器、起きている現象、エラーメッセージ。',
  takeYourTime: () =>
    'ごゆっくりどうぞ。手順を試した結果を教えてください。IT に見てもらいたい場合は「チケットを作成」と送ってください。',
  welcome: () => 'どういたしまして。ほかにも困っていることがあれば、ここに書いてください。',
  firstSteps: (a) =>
    `${a.name ? `${firstName(a.name)}さん、` : ''}ありがとうございます。${categoryPhrase(a.category, 'ja')}のようです` +
    (a.priority === 'High' || a.priority === 'Highest'
      ? `（急ぎとして記録しました：優先度「${PRIORITY_NAMES.ja[a.priority]}」）`
      : '') +
    `。プレイブック *${a.title}* から、次の手順を試してください${a.inEnglish ? '（手順は英語です）' : ''}：\n\n${list(a.steps)}\n\n` +
    '解決しましたか？結果を教えてください。IT に見てもらいたい場合は「チケットを作成」と送ってください。',
  nextSteps: (a) =>
    `お試しいただきありがとうございます。続いて、プレイブック *${a.title}* から${a.inEnglish ? '（手順は英語です）' : ''}：\n\n${list(a.steps)}\n\n変化はありましたか？`,
  resolved: (ticket) =>
    ticket
      ? `直ってよかったです！チケット ${ticket.key} はすでに IT に届いています。IT から連絡があれば、直ったことを伝えてください。`
      : '直ってよかったです！また起きたら、ここで教えてください。続きから対応します。',
  offer: (p) =>
    (p.intro
      ? `${p.intro}\n\n`
      : p.reason === 'exhausted'
        ? 'ご案内できる手順はここまでなので、IT の対応が必要です。'
        : p.reason === 'person'
          ? 'このチャットから直接担当者におつなぎすることはできませんが、チケットは IT の担当者に直接届きます。担当者からの連絡をご希望であることも記録しました。'
          : 'かしこまりました。IT に引き継げます。') +
    `作成するチケットの内容は次のとおりです：\n\n` +
    `- **件名:** ${p.summary}\n- **カテゴリー:** ${CATEGORY_NAMES.ja[p.category]}\n- **優先度:** ${PRIORITY_NAMES.ja[p.priority]}${p.priorityReason ? `（${p.priorityReason}）` : ''}\n` +
    `- **試した手順:** ${stepsTriedJa(p)}\n` +
    '- 最初のメッセージとこのチャットの記録も含まれます。\n\n' +
    'チケットを作成しますか？',
  answer: (q) => answerJa(q),
  askAgain: () => 'では、チケットを作成しますか？',
  unclear: () => 'チケットはご指示があるまで作成しません。作成しますか？下の選択肢から選ぶか、言葉で教えてください。',
  declined: () =>
    'かしこまりました。チケットは作成しません。あとで直らない場合は「チケットを作成」と送ってください。試した内容をまとめて起票します。',
  created: (t) =>
    `チケット **${t.key}** を作成しました：${t.url}\nIT が対応します。IT からの更新はこのチャットに表示されます。`,
  createFailed: () =>
    '申し訳ありません。現在チケットを作成できませんでした。内容は保持しています。少し時間をおいて、もう一度「チケットを作成」と送ってください。',
  queued: () =>
    'IT のチケットシステムに現在接続できないため、リクエストをキューに保存しました。内容は失われません。接続が戻りしだいチケットを作成し、番号とリンクをここでお知らせします。もう一度依頼していただく必要はありません。',
  createdLater: (t) =>
    `キューに保存していたリクエストをチケット **${t.key}** として作成しました：${t.url}\nIT が対応します。IT からの更新はこのチャットに表示されます。`,
  existing: (t) =>
    `この問題のチケットはすでにあります：**${t.key}** — ${t.url}\n重複して作成はしません。別の問題があれば、その内容を書いてください。`,
  cutOff: () => '…\n\n（回答が途中で切れました。改めてご案内します。）\n\n',
};

function answerJa(question: string): string {
  if (/誰|だれ|見る|見え|公開/.test(question)) {
    return 'チケットは Jira の IT サポートのキューに登録され、IT 担当者が対応します。内容は上に示した情報とこのチャットの記録だけです。';
  }
  if (/いつ|どのくらい|時間|早く/.test(question)) {
    return '対応時間はお約束できません。IT のキューの状況と優先度によります。更新はこのチャットに表示されます。';
  }
  if (/どうなり|どうなる|何が起|なにが起|はいと|次/.test(question)) {
    return '「はい」と答えると、上の内容でチケットを 1 件作成し、番号とリンクをここでお知らせします。IT のコメントや状況の変更もこのチャットに表示されます。';
  }
  return 'その点は私には分かりません。チケットの中で IT が回答できます。';
}

export function messagesFor(language: Language): Messages {
  return language === 'ja' ? ja : en;
}
