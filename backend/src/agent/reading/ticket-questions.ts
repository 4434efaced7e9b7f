/**
 * Two readings of a message about tickets that already exist: a question about their status
 * ("what's the status of my ticket?", "my tickets", 「チケットの状況は？」), and new details for an
 * open ticket ("here is the error code: 0x80070005") as opposed to a question or a remark.
 */
import { questionStartEn } from './intent.js';
import { normalizeEnglish } from './text-signals.js';

const statusEn = [
  /\b(?:status|progress|update|news)\b.{0,30}\b(?:my|the|our)\s+(?:\S+\s+)?(?:ticket|tickets|case|request|incident)s?\b/,
  /\b(?:ticket|tickets|case|request)\b.{0,20}\b(?:status|progress)\b/,
  /^(?:show\s+|list\s+|see\s+)?(?:me\s+)?(?:all\s+)?my\s+(?:open\s+)?(?:tickets|cases|requests)\b/,
  /\bwhere\s+(?:is|are)\s+my\s+(?:ticket|tickets|case|request)s?\b/,
  /\b(?:any|is there an?)\s+(?:news|update|progress)\s+(?:on|about|with)\b.{0,20}\b(?:ticket|case|request|it-?\d+)\b/,
  /\bwhat\s+is\s+happening\s+with\s+my\s+(?:ticket|case|request)\b/,
];
const statusJa =
  /(?:チケット|問い合わせ|依頼).{0,10}(?:状況|ステータス|状態|進捗|どうなって)|私の(?:チケット|問い合わせ)/;

export function isTicketStatusQuestion(text: string): boolean {
  const raw = text.normalize('NFKC').trim();
  if (statusJa.test(raw)) return true;
  const en = normalizeEnglish(raw);
  return statusEn.some((pattern) => pattern.test(en));
}

/** An error code, or a message that presents itself as more information: details, whatever they mention. */
const strongSignal =
  /\b0x[0-9a-f]{4,}\b|^(?:here is|here are|here's|fyi|also|btw|by the way|in addition|additional info|update:|more info)\b|^(?:it|this|that) (?:also|only|even)\b|\berror (?:code|message|number)\b|エラーコード|補足|追加(?:情報|で)/i;
/** Versions, paths, times, "since", "tried": the kind of detail IT asks for. */
const weakSignal =
  /\b(?:error|code|message|log|version|build|screenshot|since|tried|happens|appears|says)\b|\d{3,}|[a-z]:\\|エラー|コード|ログ|バージョン|画面に/i;

/**
 * How much a message reads like new details for an open ticket: `strong` wins over a possible new
 * problem ("here is the error code: 0x80070005" mentions a code, not an MFA problem); `weak` only
 * counts when the message does not describe another problem.
 */
export function detailsStrength(text: string): 'strong' | 'weak' | 'none' {
  const raw = text.normalize('NFKC').trim();
  if (raw.length < 12 || raw.endsWith('?') || raw.endsWith('？')) return 'none';
  const en = normalizeEnglish(raw);
  if (questionStartEn.test(en)) return 'none';
  if (strongSignal.test(en) || strongSignal.test(raw)) return 'strong';
  return weakSignal.test(raw) ? 'weak' : 'none';
}
