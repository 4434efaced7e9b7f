/**
 * Jira Cloud's admin-webhook signature: `X-Hub-Signature: sha256=<hex>`, an HMAC-SHA256 of the raw
 * body bytes with the webhook's secret. Checked on the bytes as received, before any parsing, and
 * compared in constant time.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export function signBody(secret: string, body: Buffer | string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export function isValidSignature(secret: string, body: Buffer, header: string | undefined): boolean {
  if (!header) return false;
  const match = /^sha256=([0-9a-f]{64})$/i.exec(header.trim());
  if (!match?.[1]) return false;
  const expected = createHmac('sha256', secret).update(body).digest();
  return timingSafeEqual(Buffer.from(match[1].toLowerCase(), 'hex'), expected);
}

/** For the path-token variant (Data Center cannot sign): equal length digests, constant time. */
export function isSameSecret(candidate: string, secret: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(candidate), digest(secret));
}
