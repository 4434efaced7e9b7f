import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, startTestServer } from '../support/test-server.js';
import { inTenMinutes, signWidgetToken } from '../support/widget-tokens.js';

const secret = 'widget-secret-for-tests-0123456789abcdef';
const tokenFor = (name: string, email: string) => signWidgetToken({ name, email, exp: inTenMinutes() }, secret);

describe('AUTH_MODE=token', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    server = await startTestServer(undefined, { AUTH_MODE: 'token', WIDGET_JWT_SECRET: secret });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('takes the identity from the signed token, not from what the client claims', async () => {
    const { socket, session } = await connect(server.url, {
      token: await tokenFor('Aiko Tanaka', 'aiko@example.com'),
      user: { name: 'Mallory', email: 'mallory@example.com' },
    });
    socket.close();
    expect(session.user).toEqual({ name: 'Aiko Tanaka', email: 'aiko@example.com' });
  });

  it('refuses a missing, forged or expired token with a clear message', async () => {
    await expect(connect(server.url, { user: { name: 'A', email: 'a@example.com' } })).rejects.toMatchObject({
      message: 'Please sign in to use IT Help.',
    });
    const forged = await signWidgetToken(
      { name: 'A', email: 'a@example.com', exp: inTenMinutes() },
      'another-secret-another-secret-0000',
    );
    await expect(connect(server.url, { token: forged })).rejects.toMatchObject({
      message: 'Your sign-in has expired or is not valid. Please reload the page.',
    });
    const expired = await signWidgetToken({ name: 'A', email: 'a@example.com', exp: 1 }, secret);
    await expect(connect(server.url, { token: expired })).rejects.toThrow(/expired/);
    const forever = await signWidgetToken({ name: 'A', email: 'a@example.com' }, secret);
    await expect(connect(server.url, { token: forever })).rejects.toThrow(/expired/);
  });

  it("does not let one employee resume another's conversation with a stolen session token", async () => {
    const first = await connect(server.url, { token: await tokenFor('Aiko', 'aiko@example.com') });
    first.socket.close();
    const again = await connect(server.url, {
      token: await tokenFor('Aiko', 'aiko@example.com'),
      sessionToken: first.session.sessionToken,
    });
    again.socket.close();
    expect(again.session.conversationId).toBe(first.session.conversationId);
    await expect(
      connect(server.url, {
        token: await tokenFor('Ben', 'ben@example.com'),
        sessionToken: first.session.sessionToken,
      }),
    ).rejects.toMatchObject({ message: 'Please reload the page to start a new session.' });
  });
});
