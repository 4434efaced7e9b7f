/**
 * The Docker image runs `node backend/dist/main.js` (tsc output, no tsx). This starts that file as
 * a process and checks that it finds everything it loads at run time from the compiled location:
 * the widget (web/dist), the playbooks (backend/knowledge) and the local desk. Root `npm test`
 * builds backend/dist first (`npm run build -w backend`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackendProcess, type BackendProcess } from '../support/backend-process.js';
import { connect, say, TEST_DESK_TOKEN } from '../support/test-server.js';

let server: BackendProcess | undefined;

beforeAll(async () => {
  server = await startBackendProcess({ entry: 'compiled' });
}, 60_000);

afterAll(async () => {
  await server?.stop();
});

function url(): string {
  if (!server) throw new Error('the compiled server did not start');
  return server.url;
}

describe('the compiled backend (backend/dist/main.js)', () => {
  it('is alive and ready', async () => {
    expect((await fetch(`${url()}/healthz`)).status).toBe(200);
    expect((await fetch(`${url()}/readyz`)).status).toBe(200);
  });

  it('serves the built widget and its page', async () => {
    const script = await fetch(`${url()}/helpdesk-chat.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/javascript/);
    expect(await (await fetch(`${url()}/`)).text()).toContain('<helpdesk-chat');
  });

  it('answers from the playbooks, and its local desk answers', async () => {
    const { socket } = await connect(url());
    try {
      const reply = await say(socket, 'The VPN will not connect from home');
      expect(reply.text).toMatch(/vpn/i);
    } finally {
      socket.close();
    }
    const desk = await fetch(`${url()}/desk/rest/api/2/myself`, {
      headers: { Authorization: `Bearer ${TEST_DESK_TOKEN}` },
    });
    expect(desk.status).toBe(200);
  });
});
