import { describe, expect, it } from 'vitest';
import { chunkText } from '../../src/agent/stream-chunks.js';

describe('chunkText', () => {
  it.each([
    'Hello there,  world.\n\n1. Quit Teams',
    '  leading and trailing  ',
    'チケット **IT-1** を作成しました：https://desk.example/browse/IT-1\nIT が対応します。',
    '',
  ])('joins back to the same text: %j', (text) => {
    expect(chunkText(text).join('')).toBe(text);
  });

  it('cuts words and long Japanese runs into small pieces', () => {
    expect(chunkText('one two three')).toEqual(['one ', 'two ', 'three']);
    expect(
      Math.max(...chunkText('ありがとうございます。Teamsの問題のようです。').map((c) => c.length)),
    ).toBeLessThanOrEqual(6);
  });
});
