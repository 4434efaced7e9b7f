/**
 * What the assistant says about tickets that already exist (status answers, adding the employee's
 * new details as a comment), in English and Japanese.
 */
import type { TicketRef } from '../contract/index.js';
import type { Language } from './offline/text-signals.js';

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
}

const line = (t: TicketRef, statusWord: string) =>
  `• **${t.key}** — ${t.summary || '(no summary)'} — ${statusWord} **${t.status}**\n  ${t.url}`;

const en: TicketMessages = {
  status: (tickets) =>
    tickets.length === 1 && tickets[0]
      ? `**${tickets[0].key}** (${tickets[0].summary}) is **${tickets[0].status}**.\n${tickets[0].url}\nIT's updates show up in this chat as they happen.`
      : `Your open tickets:\n${tickets.map((t) => line(t, 'status')).join('\n')}`,
  noTickets: () => "I can't find any open tickets of yours. If something is not working, describe it and I'll help.",
  lookupFailed: (known) =>
    known.length > 0
      ? `I couldn't reach IT's ticket system just now. Last I heard:\n${known.map((t) => line(t, 'status')).join('\n')}`
      : "I couldn't reach IT's ticket system just now. Please ask again in a moment.",
  askAddDetails: (key) => `Shall I add this to **${key}** as a comment, so IT sees it?`,
  addDetailsReplies: ['Yes, add it', 'No, thanks'],
  detailsAdded: (key) => `Added to **${key}**. IT will see it with the ticket.`,
  detailsAddedAgain: (key) => `I added that to **${key}** as well.`,
  detailsNotAdded: (key) => `OK, I won't add it to **${key}**.`,
  detailsFailed: (key) => `Sorry — I couldn't add that to **${key}** right now. Please send it again in a moment.`,
};

const ja: TicketMessages = {
  status: (tickets) =>
    tickets.length === 1 && tickets[0]
      ? `**${tickets[0].key}**（${tickets[0].summary}）の状況は **${tickets[0].status}** です。\n${tickets[0].url}\nIT からの更新はこのチャットに表示されます。`
      : `対応中のチケット：\n${tickets.map((t) => line(t, '状況')).join('\n')}`,
  noTickets: () => '対応中のチケットは見つかりませんでした。困っていることがあれば、内容を書いてください。',
  lookupFailed: (known) =>
    known.length > 0
      ? `現在チケットシステムに接続できません。最後に確認した状況：\n${known.map((t) => line(t, '状況')).join('\n')}`
      : '現在チケットシステムに接続できません。少し時間をおいてもう一度お尋ねください。',
  askAddDetails: (key) => `この内容を **${key}** にコメントとして追加しますか？ IT が確認できるようになります。`,
  addDetailsReplies: ['はい、追加して', 'いいえ、結構です'],
  detailsAdded: (key) => `**${key}** に追加しました。IT がチケットと一緒に確認します。`,
  detailsAddedAgain: (key) => `この内容も **${key}** に追加しました。`,
  detailsNotAdded: (key) => `わかりました。**${key}** には追加しません。`,
  detailsFailed: (key) =>
    `申し訳ありません。現在 **${key}** に追加できませんでした。少し時間をおいてもう一度送ってください。`,
};

export function ticketMessagesFor(language: Language): TicketMessages {
  return language === 'ja' ? ja : en;
}
