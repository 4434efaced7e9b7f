/** Jira's default priority names, highest first. */
export const PRIORITIES = ['Highest', 'High', 'Medium', 'Low'] as const;
export type Priority = (typeof PRIORITIES)[number];
