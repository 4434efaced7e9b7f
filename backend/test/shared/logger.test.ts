import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/shared/logger.js';

describe('logger', () => {
  it('never writes values under secret-looking keys', () => {
    const lines: string[] = [];
    const logger = createLogger('debug', {}, (line) => lines.push(line));
    logger.info('calling', {
      headers: { Authorization: 'Token abc123' },
      deskToken: 'xyz789',
      nested: [{ apiKey: 'k-1' }],
    });
    const text = lines.join('\n');
    expect(text).not.toMatch(/abc123|xyz789|k-1/);
    expect(JSON.parse(lines[0]!)).toMatchObject({ msg: 'calling', deskToken: '[redacted]' });
  });

  it('drops records below the level', () => {
    const lines: string[] = [];
    const logger = createLogger('warn', {}, (line) => lines.push(line));
    logger.info('quiet');
    logger.error('loud');
    expect(lines).toHaveLength(1);
  });
});
