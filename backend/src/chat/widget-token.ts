/**
 * Verifies the signed identity a host page hands the widget in token mode, with `jose`: a JWT
 * with `name`, `email` and a required `exp`; HS256 with the shared secret, or RS256/ES256 against
 * an identity provider's JWKS; `iss` and `aud` checked when configured; 30 s of clock tolerance.
 * Only the configured algorithms are accepted, so an `alg: none` token cannot pass.
 */
import { createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyOptions } from 'jose';
import type { User } from '../contract/index.js';
import { AppError } from '../shared/errors.js';
import { userSchema } from './user-schema.js';

export interface WidgetTokenSettings {
  /** HS256 shared secret (WIDGET_JWT_SECRET). */
  secret?: string | undefined;
  /** An identity provider's key set (WIDGET_JWKS_URL); takes precedence over the secret. */
  jwksUrl?: string | undefined;
  issuer?: string | undefined;
  audience?: string | undefined;
}

export type VerifyWidgetToken = (token: string) => Promise<User>;

const CLOCK_TOLERANCE_SECONDS = 30;

export function createWidgetTokenVerifier(settings: WidgetTokenSettings): VerifyWidgetToken {
  const options: JWTVerifyOptions = {
    requiredClaims: ['exp'],
    clockTolerance: CLOCK_TOLERANCE_SECONDS,
    ...(settings.issuer ? { issuer: settings.issuer } : {}),
    ...(settings.audience ? { audience: settings.audience } : {}),
  };
  let verify: (token: string) => Promise<JWTPayload>;
  if (settings.jwksUrl) {
    const keys = createRemoteJWKSet(new URL(settings.jwksUrl));
    verify = async (token) => (await jwtVerify(token, keys, { ...options, algorithms: ['RS256', 'ES256'] })).payload;
  } else if (settings.secret) {
    const key = new TextEncoder().encode(settings.secret);
    verify = async (token) => (await jwtVerify(token, key, { ...options, algorithms: ['HS256'] })).payload;
  } else {
    throw new Error('token mode needs WIDGET_JWT_SECRET or WIDGET_JWKS_URL');
  }
  return async (token) => {
    try {
      const claims = await verify(token);
      return userSchema.parse({ name: claims.name, email: claims.email });
    } catch (error) {
      throw new AppError('unauthorized:token', 'Your sign-in has expired or is not valid. Please reload the page.', {
        cause: error,
      });
    }
  };
}
