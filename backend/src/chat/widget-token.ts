/**
 * Verifies the signed identity a host page hands the widget in token mode: a compact JWT, HS256,
 * with `name` and `email`; `exp` and `nbf` are enforced when present. Only HS256 is accepted, so an `alg: none` token cannot pass.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { User } from '../contract/index.js';
import { userSchema } from './user-schema.js';
import { AppError } from '../shared/errors.js';

const headerSchema = z.object({ alg: z.literal('HS256') }).loose();
const claimsSchema = z
  .object({ name: z.string(), email: z.string(), exp: z.number().optional(), nbf: z.number().optional() })
  .loose();

const b64url = (buf: Buffer): string => buf.toString('base64url');

export function signWidgetToken(claims: { name: string; email: string; exp?: number }, secret: string): string {
  const header = b64url(Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })));
  const body = b64url(Buffer.from(JSON.stringify(claims)));
  const sig = b64url(createHmac('sha256', secret).update(`${header}.${body}`).digest());
  return `${header}.${body}.${sig}`;
}

export function verifyWidgetToken(token: string, secret: string, now = Date.now()): User {
  const invalid = () =>
    new AppError('unauthorized:token', 'Your sign-in has expired or is not valid. Please reload the page.');
  const parts = token.split('.');
  if (parts.length !== 3) throw invalid();
  const [header, body, sig] = parts as [string, string, string];
  const expected = createHmac('sha256', secret).update(`${header}.${body}`).digest();
  const given = Buffer.from(sig, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalid();
  try {
    headerSchema.parse(JSON.parse(Buffer.from(header, 'base64url').toString('utf8')));
    const claims = claimsSchema.parse(JSON.parse(Buffer.from(body, 'base64url').toString('utf8')));
    const seconds = now / 1000;
    if (claims.exp !== undefined && claims.exp < seconds) throw invalid();
    if (claims.nbf !== undefined && claims.nbf > seconds + 60) throw invalid();
    return userSchema.parse({ name: claims.name, email: claims.email });
  } catch {
    throw invalid();
  }
}
