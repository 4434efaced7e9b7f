/** Labels that find the bot's tickets again. Jira labels may not contain spaces; hashes keep them short and opaque. */
import { createHash } from 'node:crypto';

const hash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);

/** One per escalation: a retry after a lost answer searches for it before creating again. */
export function escalationLabel(escalationId: string): string {
  return `hd-esc-${hash(escalationId)}`;
}

/** The bot creates tickets as itself, so the employee is found by this label (of their owner key, see AgentTurn.owner), not the reporter. */
export function reporterLabel(ownerKey: string): string {
  return `hd-user-${hash(ownerKey.trim().toLowerCase())}`;
}
