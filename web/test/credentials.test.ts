import { describe, expect, it } from 'vitest';
import { handshakeAuthFor, identityKeyOf, resolveCredentials } from '../src/credentials.js';

const stored = { name: 'Stored Person', email: 'stored@example.com' };

describe('resolveCredentials', () => {
  it('prefers a signed token over any name and email', () => {
    expect(resolveCredentials({ token: ' jwt ', name: 'A', email: 'a@example.com' }, stored)).toEqual({
      kind: 'token',
      token: 'jwt',
    });
  });

  it('uses name and email attributes over the stored identity', () => {
    expect(resolveCredentials({ name: ' Ann ', email: 'ann@example.com' }, stored)).toEqual({
      kind: 'user',
      user: { name: 'Ann', email: 'ann@example.com' },
      isFromAttributes: true,
    });
  });

  it('falls back to the stored identity, and asks when there is none', () => {
    expect(resolveCredentials({ name: 'Only a name' }, stored)).toEqual({
      kind: 'user',
      user: stored,
      isFromAttributes: false,
    });
    expect(resolveCredentials({ name: 'Only a name' }, undefined)).toBeUndefined();
  });
});

describe('handshake auth and session keys', () => {
  it('sends the identity with the stored session token', () => {
    const credentials = resolveCredentials({}, stored);
    expect(handshakeAuthFor(credentials, 'sess-1')).toEqual({ user: stored, sessionToken: 'sess-1' });
    expect(handshakeAuthFor({ kind: 'token', token: 'jwt' })).toEqual({ token: 'jwt' });
  });

  it('keeps separate session tokens per person, whatever the email case', () => {
    const ann = identityKeyOf(resolveCredentials({ name: 'Ann', email: 'Ann@Example.com' }, undefined));
    expect(ann).toBe(identityKeyOf(resolveCredentials({ name: 'Ann', email: 'ann@example.com' }, undefined)));
    expect(ann).not.toBe(identityKeyOf(resolveCredentials({}, stored)));
  });
});
