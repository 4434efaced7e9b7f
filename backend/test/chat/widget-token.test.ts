import { describe, expect, it } from 'vitest';
import { signWidgetToken, verifyWidgetToken } from '../../src/chat/widget-token.js';

const secret = 'a-widget-secret-of-at-least-32-chars!!';

describe('widget token', () => {
  it('accepts a token signed with the secret', () => {
    const token = signWidgetToken({ name: 'Ann', email: 'ann@example.com', exp: Date.now() / 1000 + 60 }, secret);
    expect(verifyWidgetToken(token, secret)).toEqual({ name: 'Ann', email: 'ann@example.com' });
  });

  it('refuses a wrong signature, an expired token and alg none', () => {
    const good = signWidgetToken({ name: 'Ann', email: 'ann@example.com' }, secret);
    expect(() => verifyWidgetToken(good, 'another-secret-another-secret-xx')).toThrow(/not valid/);
    const expired = signWidgetToken({ name: 'Ann', email: 'ann@example.com', exp: 1 }, secret);
    expect(() => verifyWidgetToken(expired, secret)).toThrow(/expired/);
    const [, body] = good.split('.');
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${body}.`;
    expect(() => verifyWidgetToken(none, secret)).toThrow();
  });
});
