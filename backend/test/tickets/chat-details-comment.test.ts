import { describe, expect, it } from 'vitest';
import { BOT_COMMENT_MARKER } from '../../src/domain/index.js';
import { chatDetailsComment } from '../../src/tickets/chat-details-comment.js';

describe('chat details comment', () => {
  it("quotes every line of the employee's words, names them, and ends with the bot marker", () => {
    const comment = chatDetailsComment(
      { name: 'Ken Sato', email: 'ken@example.com' },
      '  Error 0x80070005\nafter the update  ',
    );
    expect(comment).toBe(
      `**Ken Sato** (ken@example.com) added in the chat:\n\n> Error 0x80070005\n> after the update\n\n_${BOT_COMMENT_MARKER}_`,
    );
  });
});
