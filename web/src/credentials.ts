/**
 * Who the widget says the employee is: a signed token (token mode) or a name and email (open
 * mode, from attributes or from the form). Pure, so the element stays about wiring.
 */
import type { HandshakeAuth } from '@helpdesk/backend/contract';
import type { Identity } from './storage.js';

export type Credentials =
  { kind: 'token'; token: string } | { kind: 'user'; user: Identity; isFromAttributes: boolean };

/** Attributes win over what is stored; `undefined` means the widget has to ask. */
export function resolveCredentials(
  attributes: { token?: string | undefined; name?: string | undefined; email?: string | undefined },
  stored: Identity | undefined,
): Credentials | undefined {
  const token = attributes.token?.trim();
  const name = attributes.name?.trim();
  const email = attributes.email?.trim();
  if (token) return { kind: 'token', token };
  if (name && email) return { kind: 'user', user: { name, email }, isFromAttributes: true };
  if (stored) return { kind: 'user', user: stored, isFromAttributes: false };
  return undefined;
}

/** Keys the stored session token, so two people on one browser never resume each other's chat. */
export function identityKeyOf(credentials: Credentials | undefined): string {
  if (!credentials) return '';
  return credentials.kind === 'token' ? 'token' : `user:${credentials.user.email.toLowerCase()}`;
}

export function handshakeAuthFor(credentials: Credentials | undefined, sessionToken?: string): HandshakeAuth {
  const auth: HandshakeAuth =
    credentials?.kind === 'token' ? { token: credentials.token } : credentials ? { user: { ...credentials.user } } : {};
  if (sessionToken) auth.sessionToken = sessionToken;
  return auth;
}
