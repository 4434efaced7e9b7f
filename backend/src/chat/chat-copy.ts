/**
 * What the chat itself says, outside the agent's turns, in the conversation's stored language:
 * the fallback when a turn fails, and IT's updates from Jira (comments, status changes). Jira's
 * common status names are shown in Japanese in a Japanese conversation; a site's own status
 * names pass through as Jira spells them.
 */
import type { Language } from '../domain/index.js';

const DONE_STATUSES = new Set(['done', 'resolved', 'closed', 'complete', 'completed', 'fixed']);

const STATUS_JA: Record<string, string> = {
  'to do': '未着手',
  open: '受付済み',
  new: '新規',
  backlog: '未着手',
  'selected for development': '対応予定',
  'in progress': '対応中',
  'in review': '確認中',
  'waiting for customer': 'ご回答待ち',
  'waiting for support': 'IT 対応待ち',
  pending: '保留中',
  'on hold': '保留中',
  reopened: '再オープン',
  escalated: 'エスカレーション済み',
  done: '完了',
  resolved: '解決済み',
  closed: 'クローズ',
  complete: '完了',
  completed: '完了',
  fixed: '修正済み',
  canceled: '取り消し',
  cancelled: '取り消し',
};

/** A Jira status as the employee reads it. */
export function statusName(status: string, language: Language): string {
  if (language !== 'ja') return status;
  return STATUS_JA[status.trim().toLowerCase()] ?? status;
}

export interface ChatCopy {
  /** The assistant could not answer this turn. */
  fallback: string;
  comment(a: { key: string; author: string; text: string }): string;
  status(a: { key: string; status: string }): string;
}

const en: ChatCopy = {
  fallback:
    'Sorry — I ran into a problem on my side and could not answer that. Please send your message again in a moment.',
  comment: ({ key, author, text }) => `IT (${author}) commented on ${key}: ${text}`,
  status: ({ key, status }) => {
    if (DONE_STATUSES.has(status.trim().toLowerCase())) return `IT marked ${key} as ${status} — is everything working?`;
    if (/progress/i.test(status)) return `IT is working on ${key} now (status: ${status}).`;
    return `IT changed the status of ${key} to ${status}.`;
  },
};

const ja: ChatCopy = {
  fallback:
    '申し訳ありません。こちらで問題が発生し、お答えできませんでした。少し時間をおいて、もう一度メッセージを送ってください。',
  comment: ({ key, author, text }) => `IT（${author}）が ${key} にコメントしました：${text}`,
  status: ({ key, status }) => {
    const name = statusName(status, 'ja');
    if (DONE_STATUSES.has(status.trim().toLowerCase())) {
      return `IT が ${key} を「${name}」にしました。問題なく使えていますか？`;
    }
    if (/progress/i.test(status)) return `IT が ${key} の対応を始めました（状況：${name}）。`;
    return `IT が ${key} の状況を「${name}」に変更しました。`;
  },
};

export function chatCopyFor(language: Language | undefined): ChatCopy {
  return language === 'ja' ? ja : en;
}

/** Before the agent has answered once, the script of the employee's words decides. */
export function languageOfText(text: string): Language {
  return /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]/u.test(text) ? 'ja' : 'en';
}
