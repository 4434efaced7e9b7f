/**
 * What the assistant says about tickets that already exist (status answers, adding the employee's
 * new details as a comment), in English and Japanese.
 */
import type { TicketRef } from '../contract/index.js';
import { statusName } from '../chat/chat-copy.js';
import {
  CATEGORY_NAMES,
  type Category,
  type Language,
  type Priority,
  type PriorityBasis,
  type PriorityCause,
} from '../domain/index.js';
import { categoryPhrase } from './category-phrases.js';
import type { OfferReason } from './state.js';

export interface TicketMessages {
  status(tickets: TicketRef[]): string;
  noTickets(): string;
  lookupFailed(known: TicketRef[]): string;
  askAddDetails(key: string): string;
  addDetailsReplies: string[];
  detailsAdded(key: string): string;
  detailsAddedAgain(key: string): string;
  detailsNotAdded(key: string): string;
  detailsFailed(key: string): string;
  /** The offer when the employee already has an open ticket in this category. */
  openTicketOffer(a: { ticket: TicketRef; category: Category; reason: OfferReason }): string;
  openTicketReplies(key: string): string[];
  openTicketAskAgain(key: string): string;
  openTicketUnclear(key: string): string;
  addedToOpen(ticket: TicketRef): string;
  addToOpenFailed(key: string): string;
  addToOpenFailedReplies: string[];
}

const MAX_QUOTED_SUMMARY = 60;
const shortSummary = (summary: string) =>
  summary.length > MAX_QUOTED_SUMMARY ? `${summary.slice(0, MAX_QUOTED_SUMMARY - 1).trimEnd()}…` : summary;

const line = (t: TicketRef, language: Language) =>
  language === 'ja'
    ? `• **${t.key}** — ${t.summary || '（件名なし）'} — 状況 **${statusName(t.status, 'ja')}**\n  ${t.url}`
    : `• **${t.key}** — ${t.summary || '(no summary)'} — status **${t.status}**\n  ${t.url}`;

const en: TicketMessages = {
  status: (tickets) =>
    tickets.length === 1 && tickets[0]
      ? `**${tickets[0].key}** (${tickets[0].summary}) is **${tickets[0].status}**.\n${tickets[0].url}\nIT's updates show up in this chat as they happen.`
      : `Your open tickets:\n${tickets.map((t) => line(t, 'en')).join('\n')}`,
  noTickets: () => "I can't find any open tickets of yours. If something is not working, describe it and I'll help.",
  lookupFailed: (known) =>
    known.length > 0
      ? `I couldn't reach IT's ticket system just now. Last I heard:\n${known.map((t) => line(t, 'en')).join('\n')}`
      : "I couldn't reach IT's ticket system just now. Please ask again in a moment.",
  askAddDetails: (key) => `Shall I add this to **${key}** as a comment, so IT sees it?`,
  addDetailsReplies: ['Yes, add it', 'No, thanks'],
  detailsAdded: (key) => `Added to **${key}**. IT will see it with the ticket.`,
  detailsAddedAgain: (key) => `I added that to **${key}** as well.`,
  detailsNotAdded: (key) => `OK, I won't add it to **${key}**.`,
  detailsFailed: (key) => `Sorry — I couldn't add that to **${key}** right now. Please send it again in a moment.`,
  openTicketOffer: ({ ticket, category, reason }) =>
    (reason === 'exhausted' ? 'That was the last step I have for this, so it needs someone from IT. ' : '') +
    (reason === 'urgent' ? 'This needs IT right away. ' : '') +
    `You already have **${ticket.key}** open for ${categoryPhrase(category, 'en')} ` +
    `("${shortSummary(ticket.summary)}", status ${ticket.status}): ${ticket.url}\n\n` +
    'Shall I add what we tried today to it, or open a new ticket?',
  openTicketReplies: (key) => [`Add to ${key}`, 'Create a new ticket', 'No, thanks'],
  openTicketAskAgain: (key) => `So — shall I add this to **${key}**, or open a new ticket?`,
  openTicketUnclear: (key) =>
    `I'll only change a ticket when you say so. Shall I add what we tried to **${key}**, or open a new ticket? Pick an option below or tell me in your own words.`,
  addedToOpen: (t) =>
    `Done — I added your new report and what we tried today to **${t.key}**: ${t.url}\nIT will see it with the ticket.`,
  addToOpenFailed: (key) =>
    `Sorry — I couldn't add this to **${key}** right now. Nothing is lost: say "create a new ticket" and I'll open a new one with everything we tried.`,
  addToOpenFailedReplies: ['Create a new ticket', 'No, thanks'],
};

const ja: TicketMessages = {
  status: (tickets) =>
    tickets.length === 1 && tickets[0]
      ? `**${tickets[0].key}**（${tickets[0].summary}）の状況は **${statusName(tickets[0].status, 'ja')}** です。\n${tickets[0].url}\nIT からの更新はこのチャットに表示されます。`
      : `対応中のチケット：\n${tickets.map((t) => line(t, 'ja')).join('\n')}`,
  noTickets: () => '対応中のチケットは見つかりませんでした。困っていることがあれば、内容を書いてください。',
  lookupFailed: (known) =>
    known.length > 0
      ? `現在チケットシステムに接続できません。最後に確認した状況：\n${known.map((t) => line(t, 'ja')).join('\n')}`
      : '現在チケットシステムに接続できません。少し時間をおいてもう一度お尋ねください。',
  askAddDetails: (key) => `この内容を **${key}** にコメントとして追加しますか？ IT が確認できるようになります。`,
  addDetailsReplies: ['はい、追加して', 'いいえ、結構です'],
  detailsAdded: (key) => `**${key}** に追加しました。IT がチケットと一緒に確認します。`,
  detailsAddedAgain: (key) => `この内容も **${key}** に追加しました。`,
  detailsNotAdded: (key) => `わかりました。**${key}** には追加しません。`,
  detailsFailed: (key) =>
    `申し訳ありません。現在 **${key}** に追加できませんでした。少し時間をおいてもう一度送ってください。`,
  openTicketOffer: ({ ticket, category, reason }) =>
    (reason === 'exhausted' ? 'ご案内できる手順はここまでなので、IT の対応が必要です。' : '') +
    (reason === 'urgent' ? 'この件はすぐに IT の対応が必要です。' : '') +
    `${CATEGORY_NAMES.ja[category]}の問題で、対応中のチケット **${ticket.key}** がすでにあります` +
    `（「${shortSummary(ticket.summary)}」、状況：${statusName(ticket.status, 'ja')}）：${ticket.url}\n\n` +
    '今回試した内容をこのチケットに追記しますか？それとも新しいチケットを作成しますか？',
  openTicketReplies: (key) => [`${key} に追記`, '新しいチケットを作成', 'いいえ、結構です'],
  openTicketAskAgain: (key) => `では、**${key}** に追記しますか？それとも新しいチケットを作成しますか？`,
  openTicketUnclear: (key) =>
    `ご指示があるまでチケットは変更しません。**${key}** に追記しますか？それとも新しいチケットを作成しますか？下の選択肢から選ぶか、言葉で教えてください。`,
  addedToOpen: (t) =>
    `**${t.key}** に今回の内容と試した手順を追記しました：${t.url}\nIT がチケットと一緒に確認します。`,
  addToOpenFailed: (key) =>
    `申し訳ありません。現在 **${key}** に追記できませんでした。内容は保持しています。「新しいチケットを作成」と送っていただければ、試した内容をまとめて新しいチケットを作成します。`,
  addToOpenFailedReplies: ['新しいチケットを作成', 'いいえ、結構です'],
};

export function ticketMessagesFor(language: Language): TicketMessages {
  return language === 'ja' ? ja : en;
}

const REASONS: Record<Language, Record<PriorityCause, string>> = {
  en: {
    asked: 'as you asked',
    asked_urgent: 'you asked for it to be urgent',
    asked_no_rush: "you said there's no rush",
    security: 'a security incident',
    urgent_issue: 'IT has to act at once',
    company_down: 'the whole company or office is affected',
    department_down: "a whole department can't work",
    team_blocked: 'more than one person is affected',
    deadline: 'a deadline today',
    meeting: 'a customer or executive meeting',
    assessed: 'from what you described',
  },
  ja: {
    asked: 'ご依頼のとおり',
    asked_urgent: '急ぎのご希望',
    asked_no_rush: '急ぎではないとのこと',
    security: 'セキュリティインシデント',
    urgent_issue: 'IT の即時対応が必要',
    company_down: '全社または拠点全体に影響',
    department_down: '部署全体で業務ができない',
    team_blocked: '複数の方に影響',
    deadline: '本日中の期限',
    meeting: '顧客・役員との会議',
    assessed: 'ご説明の内容から判断',
  },
};

/** Why the ticket has its priority, as the employee reads it in the offer. */
export function priorityReasonFor(basis: PriorityBasis, language: Language, priority?: Priority): string {
  // The employee's own request reads as what they asked for.
  const cause =
    basis.cause === 'asked' && priority === 'High'
      ? 'asked_urgent'
      : basis.cause === 'asked' && priority === 'Low'
        ? 'asked_no_rush'
        : basis.cause;
  return REASONS[language][cause];
}
