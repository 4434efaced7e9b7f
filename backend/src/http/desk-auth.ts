/**
 * Who may use the local desk: whoever holds the desk token, sent as `Authorization: Bearer <t>`,
 * `Token <t>`, Basic with the token as password (Jira clients configured with a username), or — for
 * the staff pages — the `desk_session` cookie set by the login form. The cookie holds an HMAC of
 * the token, not the token, and every comparison is constant-time.
 */
import { createHmac } from 'node:crypto';
import type { Request, Response } from 'express';
import { isSameSecret } from '../shared/signature.js';

const SESSION_COOKIE = 'desk_session';
const SESSION_MAX_AGE_S = 12 * 60 * 60;

export interface DeskAuth {
  /** True when the Authorization header carries the token. */
  hasValidHeader(req: Request): boolean;
  hasValidSession(req: Request): boolean;
  isToken(candidate: string): boolean;
  /** A per-token value for forms: SameSite=Lax already stops cross-site posts; this is belt and braces. */
  readonly csrf: string;
  isValidCsrf(candidate: unknown): boolean;
  setSession(req: Request, res: Response, path: string): void;
  clearSession(res: Response, path: string): void;
}

export function createDeskAuth(token: string): DeskAuth {
  const derive = (label: string): string => createHmac('sha256', token).update(label).digest('base64url');
  const sessionValue = derive('desk-session-v1');
  const csrf = derive('desk-csrf-v1');
  const isToken = (candidate: string): boolean => isSameSecret(candidate, token);

  return {
    isToken,
    csrf,
    hasValidHeader(req) {
      const header = req.headers.authorization;
      if (!header) return false;
      const match = /^(Bearer|Token|Basic)\s+(\S+)\s*$/i.exec(header);
      if (!match?.[1] || !match[2]) return false;
      if (match[1].toLowerCase() !== 'basic') return isToken(match[2]);
      const decoded = Buffer.from(match[2], 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      return colon >= 0 && isToken(decoded.slice(colon + 1));
    },
    hasValidSession(req) {
      const value = readCookie(req.headers.cookie, SESSION_COOKIE);
      return value !== undefined && isSameSecret(value, sessionValue);
    },
    isValidCsrf(candidate) {
      return typeof candidate === 'string' && isSameSecret(candidate, csrf);
    },
    setSession(req, res, path) {
      res.cookie(SESSION_COOKIE, sessionValue, {
        httpOnly: true,
        sameSite: 'lax',
        path,
        secure: req.secure,
        maxAge: SESSION_MAX_AGE_S * 1000,
      });
    },
    clearSession(res, path) {
      res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', path });
    },
  };
}

function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}
