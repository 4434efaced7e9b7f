/** Marks and limits every bot ticket and comment shares, whoever writes or reads them. */

/** Every ticket the bot creates carries this label, next to its category slug. */
export const BOT_LABEL = 'it-support-bot';

/** The last line of every comment the bot adds, so Jira's webhook echo of it is recognised. */
export const BOT_COMMENT_MARKER = 'Sent from the IT Help chat';

/** Ticket summaries are specific and at most this long. */
export const MAX_SUMMARY_LENGTH = 120;

/** Jira rejects descriptions over 32,767 characters; older transcript lines go first. */
export const MAX_DESCRIPTION_LENGTH = 30_000;
