/**
 * The comment the bot adds to an employee's open ticket when the same kind of problem comes up
 * in a new conversation: the new words verbatim, what was tried with what result, and where it
 * came from. It ends with the bot marker, so Jira's webhook echo of it is not sent back.
 */
import { BOT_COMMENT_MARKER } from '../domain/index.js';
import { environmentLines, quote, stepLines, type TicketFacts } from '../tickets/ticket-draft.js';

export function openTicketComment(facts: TicketFacts): string {
  const details = environmentLines(facts.environment);
  return [
    `**${facts.reporter.name}** (${facts.reporter.email}) reported this again in the chat ` +
      `(conversation \`${facts.conversationId}\`, priority ${facts.priority}):`,
    '',
    quote(facts.firstMessage.trim()),
    '',
    ...(details.length > 0 ? ['**Environment:**', ...details, ''] : []),
    '**Troubleshooting steps tried this time:**',
    ...stepLines(facts.stepsTried, '- None: the employee asked for IT before trying steps'),
    '',
    `_${BOT_COMMENT_MARKER}_`,
  ].join('\n');
}
