/** Signs widget tokens as a host page or an identity provider would, with `jose`. */
import { SignJWT, type JWTPayload } from 'jose';

export async function signWidgetToken(
  claims: JWTPayload & { name?: string; email?: string },
  secret: string,
  header: { alg: string } = { alg: 'HS256' },
): Promise<string> {
  return new SignJWT(claims).setProtectedHeader(header).sign(new TextEncoder().encode(secret));
}

export const inTenMinutes = () => Math.floor(Date.now() / 1000) + 600;
