import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWidgetTokenVerifier } from '../../src/chat/widget-token.js';
import { inTenMinutes, signWidgetToken } from '../support/widget-tokens.js';

const secret = 'a-widget-secret-of-at-least-32-chars!!';
const ann = { name: 'Ann', email: 'ann@example.com' };
const now = () => Math.floor(Date.now() / 1000);

describe('widget token (HS256)', () => {
  const verify = createWidgetTokenVerifier({ secret });

  it('accepts a token signed with the secret', async () => {
    await expect(verify(await signWidgetToken({ ...ann, exp: inTenMinutes() }, secret))).resolves.toEqual(ann);
  });

  it('requires exp: a token without one is refused', async () => {
    await expect(verify(await signWidgetToken(ann, secret))).rejects.toThrow(/expired or is not valid/);
  });

  it('refuses a wrong signature, an expired token, alg none and a token without an email', async () => {
    const refused = [
      await signWidgetToken({ ...ann, exp: inTenMinutes() }, 'another-secret-another-secret-xx'),
      await signWidgetToken({ ...ann, exp: now() - 120 }, secret),
      await signWidgetToken({ name: 'Ann', exp: inTenMinutes() }, secret),
    ];
    const [, body] = refused[0]?.split('.') ?? [];
    refused.push(`${Buffer.from('{"alg":"none"}').toString('base64url')}.${body}.`);
    for (const token of refused) await expect(verify(token)).rejects.toMatchObject({ code: 'unauthorized:token' });
  });

  it('tolerates a little clock skew, not more', async () => {
    await expect(verify(await signWidgetToken({ ...ann, exp: now() - 10 }, secret))).resolves.toEqual(ann);
    await expect(
      verify(await signWidgetToken({ ...ann, exp: inTenMinutes(), nbf: now() + 20 }, secret)),
    ).resolves.toEqual(ann);
    await expect(
      verify(await signWidgetToken({ ...ann, exp: inTenMinutes(), nbf: now() + 600 }, secret)),
    ).rejects.toThrow();
  });

  it('checks issuer and audience when they are configured', async () => {
    const strict = createWidgetTokenVerifier({ secret, issuer: 'https://intranet.example.com', audience: 'it-help' });
    const good = { ...ann, exp: inTenMinutes(), iss: 'https://intranet.example.com', aud: 'it-help' };
    await expect(strict(await signWidgetToken(good, secret))).resolves.toEqual(ann);
    await expect(strict(await signWidgetToken({ ...good, iss: 'https://evil.example.com' }, secret))).rejects.toThrow();
    await expect(strict(await signWidgetToken({ ...good, aud: 'payroll' }, secret))).rejects.toThrow();
  });
});

describe('widget token (RS256 from an identity provider JWKS)', () => {
  let jwks: http.Server;
  let url: string;
  let sign: (claims: Record<string, unknown>) => Promise<string>;

  beforeAll(async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    jwks = http.createServer((_req, res) =>
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ keys: [jwk] })),
    );
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/.well-known/jwks.json`;
    sign = (claims) => new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).sign(privateKey);
  });

  afterAll(() => new Promise<void>((resolve) => jwks.close(() => resolve())));

  it('accepts a token signed by the provider and refuses an HS256 token made with the public key set URL', async () => {
    const verify = createWidgetTokenVerifier({ jwksUrl: url });
    await expect(verify(await sign({ ...ann, exp: inTenMinutes() }))).resolves.toEqual(ann);
    await expect(verify(await signWidgetToken({ ...ann, exp: inTenMinutes() }, url))).rejects.toThrow();
    await expect(verify(await sign(ann))).rejects.toThrow();
  });
});
