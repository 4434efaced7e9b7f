/**
 * The words of a ticket, in the conversation's language: section headings, fact labels, step
 * outcomes and why the ticket has its priority. IT reads the ticket in the language the employee
 * wrote in; Jira's own field values (priority names, labels) stay as Jira knows them.
 */
import type { Language, PriorityCause } from '../domain/index.js';

export type StepOutcome = 'fixed' | 'not_fixed' | 'unknown';

export interface TicketCopy {
  reporter: string;
  category: string;
  priority: string;
  conversation: string;
  ownWords: string;
  conversationBegan: string;
  facts: string;
  noFacts: string;
  app: string;
  os: string;
  device: string;
  errors: string;
  since: string;
  affected: string;
  deadline: string;
  notes: string;
  steps: string;
  noSteps: string;
  outcome: Record<StepOutcome, string>;
  employeeSaid: (words: string) => string;
  articles: string;
  noArticles: string;
  transcript: string;
  employee: string;
  assistant: string;
  problemStarts: string;
  omitted: (count: number) => string;
  noSummary: string;
  summarySeparator: string;
  reason: (cause: PriorityCause, words: string) => string;
}

const quoteEn = (words: string) => (words ? `: "${words}"` : '');
const quoteJa = (words: string) => (words ? `：「${words}」` : '');

const REASONS_EN: Record<PriorityCause, string> = {
  security: 'security incident',
  urgent_issue: 'IT has to act at once',
  company_down: 'the company or a whole office is affected',
  department_down: 'a whole department cannot work',
  team_blocked: 'more than one person is affected',
  deadline: 'a deadline today',
  meeting: 'a customer or executive meeting',
  asked_urgent: 'the employee asked for urgency',
  asked_no_rush: 'the employee said there is no rush',
  asked: 'the employee asked for this priority',
  assessed: 'assessed from the description',
};

const REASONS_JA: Record<PriorityCause, string> = {
  security: 'セキュリティインシデント',
  urgent_issue: 'IT の即時対応が必要',
  company_down: '全社または拠点全体に影響',
  department_down: '部署全体で業務ができない',
  team_blocked: '複数人に影響',
  deadline: '本日中の期限',
  meeting: '顧客・役員との会議',
  asked_urgent: 'ご本人が急ぎの対応を希望',
  asked_no_rush: 'ご本人より急ぎではないとのこと',
  asked: 'ご本人がこの優先度を希望',
  assessed: '内容から判断',
};

const en: TicketCopy = {
  reporter: 'Reporter',
  category: 'Category',
  priority: 'Priority',
  conversation: 'Conversation',
  ownWords: "The employee's own words",
  conversationBegan: 'How the conversation began',
  facts: 'Facts',
  noFacts: '- Not stated in the chat',
  app: 'Application',
  os: 'Operating system',
  device: 'Device',
  errors: 'Error codes and messages',
  since: 'Since',
  affected: 'Affected',
  deadline: 'Deadline or meeting',
  notes: 'The employee asked to add',
  steps: 'Troubleshooting steps tried',
  noSteps: '- None: the employee asked for a ticket before trying steps',
  outcome: { fixed: 'the employee said this helped', not_fixed: 'did not help', unknown: 'outcome not reported' },
  employeeSaid: (words) => `(employee: "${words}")`,
  articles: 'Knowledge-base articles used',
  noArticles: '- None',
  transcript: 'Transcript',
  employee: 'Employee',
  assistant: 'Assistant',
  problemStarts: '- (this problem starts here)',
  omitted: (count) => `- (${count} earlier messages omitted for length)`,
  noSummary: 'problem reported in chat',
  summarySeparator: ': ',
  reason: (cause, words) => REASONS_EN[cause] + quoteEn(words),
};

const ja: TicketCopy = {
  reporter: '報告者',
  category: 'カテゴリー',
  priority: '優先度',
  conversation: '会話',
  ownWords: 'ご本人の言葉',
  conversationBegan: '会話の最初のメッセージ',
  facts: '把握している事実',
  noFacts: '- チャットでは言及なし',
  app: 'アプリ',
  os: 'OS',
  device: '機器',
  errors: 'エラーコード・メッセージ',
  since: '発生時期',
  affected: '影響範囲',
  deadline: '期限・会議',
  notes: 'ご本人からの追記依頼',
  steps: '試した手順',
  noSteps: '- なし：手順を試す前にチケットを希望',
  outcome: { fixed: 'ご本人によると効果あり', not_fixed: '効果なし', unknown: '結果未確認' },
  employeeSaid: (words) => `（ご本人：「${words}」）`,
  articles: '参照したナレッジ記事',
  noArticles: '- なし',
  transcript: 'チャット記録',
  employee: 'ご本人',
  assistant: 'アシスタント',
  problemStarts: '- （この問題はここから）',
  omitted: (count) => `- （長さの都合で途中の ${count} 件を省略）`,
  noSummary: 'チャットで報告された問題',
  summarySeparator: '：',
  reason: (cause, words) => REASONS_JA[cause] + quoteJa(words),
};

const DEVICES_JA: Record<string, string> = {
  laptop: 'ノートPC',
  desktop: 'デスクトップPC',
  phone: 'スマートフォン',
  tablet: 'タブレット',
  printer: 'プリンター',
  monitor: 'モニター',
  headset: 'ヘッドセット',
  'docking station': 'ドッキングステーション',
  webcam: 'Web カメラ',
  keyboard: 'キーボード',
  mouse: 'マウス',
};

/** A machine word from the facts ("laptop") as the ticket's language says it. */
export function deviceName(device: string, language: Language): string {
  return language === 'ja' ? (DEVICES_JA[device] ?? device) : device;
}

export function ticketCopyFor(language: Language): TicketCopy {
  return language === 'ja' ? ja : en;
}
