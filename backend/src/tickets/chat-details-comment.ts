/** The comment text for details an employee adds in the chat; pure, so any adapter can send it. */
import type { User } from '../contract/index.js';
import { BOT_COMMENT_MARKER } from '../domain/index.js';

/** Markdown for details the employee added in the chat; the marker keeps it out of the webhook echo. */
export function chatDetailsComment(user: User, text: string): string {
  const quoted = text
    .trim()
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
  return `**${user.name}** (${user.email}) added in the chat:\n\n${quoted}\n\n_${BOT_COMMENT_MARKER}_`;
}
