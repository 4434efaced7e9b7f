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

describe('logger errors', () => {
  it('keeps the stack trace and the cause chain of an error, and still redacts', () => {
    const lines: string[] = [];
    const logger = createLogger('info', { component: 'test' }, (line) => lines.push(line));
    const cause = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    logger.error('ticket creation failed', { error: new Error('MCP call failed', { cause }), apiKey: 'sk-live-1' });
    const record = JSON.parse(lines[0] ?? '{}') as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(record).toMatchObject({ level: 'error', msg: 'ticket creation failed', component: 'test' });
    expect(record.error.message).toBe('MCP call failed');
    expect(record.error.stack).toMatch(/MCP call failed\n\s+at /);
    expect(record.error.cause).toMatchObject({ message: 'socket hang up', code: 'ECONNRESET' });
    expect(record.error.cause.stack).toMatch(/\n\s+at /);
    expect(lines.join('\n')).not.toContain('sk-live-1');
  });

  it('redacts secrets in child bindings too', () => {
    const lines: string[] = [];
    createLogger('info', {}, (line) => lines.push(line))
      .child({ deskToken: 'child-secret-1' })
      .info('hello');
    expect(lines.join('\n')).not.toContain('child-secret-1');
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({ msg: 'hello', deskToken: '[redacted]' });
  });
});
