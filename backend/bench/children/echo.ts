/**
 * The floor: a bare socket.io server that does nothing but answer. It speaks just enough of the
 * chat contract for the same simulated employee to hold a full escalation against it: a `session`
 * on connect, an ack and one assistant `message` per `message:send`, the ticket offer's quick
 * replies on the third message, and a ticket (`message` with it, then `ticket:created`) on "yes";
 * and `GET /healthz`, as the product answers it, for the fairness phase.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { serveBenchChannel } from './ipc.js';

const OFFER_AT = 3;
const httpServer = http.createServer((req, res) => {
  const found = req.url === '/healthz';
  res.writeHead(found ? 200 : 404, { 'Content-Type': 'application/json' });
  res.end(found ? '{"status":"ok"}' : '{}');
});
const io = new Server(httpServer, { maxHttpBufferSize: 1_000_000 });
let ids = 0;
let tickets = 0;

const now = () => new Date().toISOString();

io.on('connection', (socket) => {
  let sent = 0;
  socket.emit('session', { conversationId: `c${++ids}`, sessionToken: 'echo', user: {}, messages: [], tickets: [] });
  socket.on('message:send', (payload: { text?: string }, ack?: (res: unknown) => void) => {
    const text = String(payload?.text ?? '');
    sent += 1;
    ack?.({ ok: true, message: { id: `m${++ids}`, role: 'user', text, createdAt: now() } });
    const reply = { id: `m${++ids}`, role: 'assistant', text: `echo: ${text}`, createdAt: now() };
    if (/^yes\b/i.test(text)) {
      const ticket = { key: `IT-${++tickets}`, url: 'http://echo/desk', summary: text, status: 'Open' };
      socket.emit('message', { ...reply, ticket });
      socket.emit('ticket:created', ticket);
    } else if (sent >= OFFER_AT) {
      socket.emit('message', { ...reply, quickReplies: ['Yes, create a ticket', 'No, thanks'] });
    } else {
      socket.emit('message', reply);
    }
  });
});

await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
const { port } = httpServer.address() as AddressInfo;
serveBenchChannel({ url: `http://127.0.0.1:${port}`, deskToken: undefined }, async () => {
  await new Promise<void>((resolve) => void io.close(() => resolve()));
});
