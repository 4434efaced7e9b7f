/**
 * Splits a finished reply into small pieces for `onToken`, so the widget streams even when
 * the offline engine has no model tokens. Joining the pieces gives the text back exactly.
 */
/** Japanese has no spaces: a long run is cut into pieces of this many characters. */
const MAX_RUN_CHUNK = 6;

export function chunkText(text: string): string[] {
  if (!/\S/.test(text)) return text === '' ? [] : [text];
  const chunks: string[] = [];
  for (const word of text.match(/\s*\S+\s*/g) ?? []) {
    const chars = Array.from(word);
    const size = chars.length > 2 * MAX_RUN_CHUNK ? MAX_RUN_CHUNK : chars.length;
    for (let i = 0; i < chars.length; i += size) chunks.push(chars.slice(i, i + size).join(''));
  }
  return chunks;
}
