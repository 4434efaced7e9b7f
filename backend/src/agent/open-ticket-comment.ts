/**
 * The comment the bot adds to an employee's open ticket when the same kind of problem comes up
 * in a new conversation: the new words verbatim, what was tried with what result, and where it
 * came from. It ends with the bot marker, so Jira's webhook echo of it is not sent back.
 */
import { BOT_COMMENT_MARKER } from '../tickets/ports.js';
import type { TicketFacts } from '../tickets/ticket-draft.js';

const OUTCOMES: Record<TicketFacts['stepsTried'][number]['outcome'], string> = {
  fixed: 'fixed it',
  not_fixed: 'did not help',
  unknown: 'outcome not reported',
};

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

export function openTicketComment(facts: TicketFacts): string {
  const quoted = facts.firstMessage
    .trim()
    .split(/\r?\n/)
    .map((line) => `> ${line}`)
    .join('\n');
  const steps =
    facts.stepsTried.length > 0
      ? facts.stepsTried.map(
          (s, i) =>
            `${i + 1}. ${oneLine(s.step)} — **${OUTCOMES[s.outcome]}**` +
            (s.note ? ` (employee: "${oneLine(s.note)}")` : ''),
        )
      : ['- None: the employee asked for IT before trying steps'];
  const env = facts.environment;
  const details = [
    env.app && `- Application: ${env.app}`,
    env.os && `- Operating system: ${env.os}`,
    env.device && `- Device: ${env.device}`,
    env.errorText && `- Error text: \`${env.errorText.replace(/`/g, "'")}\``,
  ].filter((line): line is string => Boolean(line));
  return [
    `**${facts.reporter.name}** (${facts.reporter.email}) reported this again in the chat ` +
      `(conversation \`${facts.conversationId}\`, priority ${facts.priority}):`,
    '',
    quoted,
    '',
    ...(details.length > 0 ? ['**Environment:**', ...details, ''] : []),
    '**Troubleshooting steps tried this time:**',
    ...steps,
    '',
    `_${BOT_COMMENT_MARKER}_`,
  ].join('\n');
}
