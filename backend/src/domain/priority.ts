/** Jira's default priority names, highest first. */
import type { Language } from './language.js';

export const PRIORITIES = ['Highest', 'High', 'Medium', 'Low'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const PRIORITY_RANK: Record<Priority, number> = { Low: 0, Medium: 1, High: 2, Highest: 3 };

/** What an employee reads for a priority; Jira keeps its own (English) names. */
export const PRIORITY_NAMES: Record<Language, Record<Priority, string>> = {
  en: { Highest: 'Highest', High: 'High', Medium: 'Medium', Low: 'Low' },
  ja: { Highest: '最優先', High: '高', Medium: '中', Low: '低' },
};

/**
 * Why a ticket has its priority (docs/conversations.md "Priority"): a security incident or the
 * company (or a whole department) down is Highest; a team blocked, a deadline today, a customer
 * or executive meeting, or the employee asking for urgency is High; "no rush" is Low.
 */
export type PriorityCause =
  | 'security'
  | 'company_down'
  | 'department_down'
  | 'team_blocked'
  | 'deadline'
  | 'meeting'
  | 'asked_urgent'
  | 'asked_no_rush'
  | 'asked'
  | 'urgent_issue'
  /** The model's reading of the description (LLM mode), when the words show no cause. */
  | 'assessed';

/** A cause with the employee's words that showed it (empty when the cause is not in words). */
export interface PriorityBasis {
  cause: PriorityCause;
  words: string;
}
