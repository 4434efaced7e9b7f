/**
 * The compose file's reverse proxy, outside Docker: Debian's nginx with deploy/proxy/nginx.conf in
 * front of two backend processes (the replicas), and real socket.io clients through it.
 */
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackendProcess, type BackendProcess } from '../support/backend-process.js';
import { employee, say, type ClientSocket } from '../support/test-server.js';
import type { SessionPayload } from '../../src/contract/index.js';
import { startNginxProxy, type NginxProxy } from './nginx-proxy.js';

let replicas: BackendProcess[] = [];
let proxy: NginxProxy | undefined;
let startupError: unknown;
const sockets: ClientSocket[] = [];

// A stack that cannot start (nginx missing, a replica crashing) fails every test with the reason,
// rather than leaving them reported as skipped.
beforeAll(async () => {
  try {
    const started = await Promise.allSettled([startBackendProcess(), startBackendProcess()]);
    replicas = started.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    const failed = started.find((r) => r.status === 'rejected');
    if (failed) throw failed.reason;
    proxy = await startNginxProxy(replicas.map((r) => r.port));
  } catch (error) {
    startupError = error;
  }
}, 60_000);

afterAll(async () => {
  sockets.splice(0).forEach((s) => s.close());
  await proxy?.stop();
  await Promise.all(replicas.map((r) => r.stop()));
});

function proxyUrl(): string {
  if (startupError) throw startupError;
  if (!proxy) throw new Error('the proxy did not start');
  return proxy.url;
}

/** A widget-like client through the proxy; resolves on the `session` event. */
async function connectThroughProxy(options: { transports: ('websocket' | 'polling')[]; localAddress?: string }) {
  const socket: ClientSocket = io(proxyUrl(), {
    auth: { user: employee },
    transports: options.transports,
    reconnection: false,
    forceNew: true,
    ...(options.localAddress ? { localAddress: options.localAddress } : {}),
  });
  sockets.push(socket);
  const session = await new Promise<SessionPayload>((resolve, reject) => {
    socket.once('session', resolve);
    socket.once('connect_error', (error) => reject(new Error(`${error.message}; nginx: ${proxy?.output()}`)));
  });
  return { socket, session };
}

async function socketConnections(replica: BackendProcess): Promise<number> {
  const metrics = await (await fetch(`${replica.url}/metrics`)).text();
  return Number(/^helpdesk_socket_connections (\d+)/m.exec(metrics)?.[1] ?? 'NaN');
}

describe('the compose proxy (deploy/proxy/nginx.conf) in front of two replicas', () => {
  it('answers /healthz and /readyz from a replica', async () => {
    const health = await fetch(`${proxyUrl()}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    expect((await fetch(`${proxyUrl()}/readyz`)).status).toBe(200);
  });

  it('upgrades to a WebSocket: a websocket-only client chats through it', async () => {
    const { socket, session } = await connectThroughProxy({ transports: ['websocket'] });
    expect(socket.io.engine.transport.name).toBe('websocket');
    expect(session.user.email).toBe(employee.email);
    const reply = await say(socket, 'Microsoft Teams does not start on my laptop');
    expect(reply.role).toBe('assistant');
    expect(reply.text).toMatch(/teams/i);
  });

  it('keeps a long-polling session on one replica until it upgrades, as the widget connects', async () => {
    const { socket } = await connectThroughProxy({ transports: ['polling', 'websocket'] });
    if (socket.io.engine.transport.name !== 'websocket')
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no upgrade within 5 s; nginx: ${proxy?.output()}`)), 5000);
        socket.io.engine.once('upgrade', () => {
          clearTimeout(timer);
          resolve();
        });
      });
    expect(socket.io.engine.transport.name).toBe('websocket');
    const reply = await say(socket, 'The printer on floor 3 is offline');
    expect(reply.text).toMatch(/printer/i);
  });

  it('spreads employees on different addresses over both replicas', async () => {
    // Sixteen loopback source addresses: the upstream hashes the client address.
    const addresses = Array.from({ length: 16 }, (_, i) => `127.0.0.${10 + i}`);
    await Promise.all(
      addresses.map((localAddress) => connectThroughProxy({ transports: ['websocket'], localAddress })),
    );
    const perReplica = await Promise.all(replicas.map(socketConnections));
    expect(perReplica.every((n) => n > 0)).toBe(true);
    expect(perReplica.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(16);
  });
});
