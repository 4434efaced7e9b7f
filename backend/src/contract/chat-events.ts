/**
 * The public socket.io contract between the backend and the chat widget (DESIGN.md, "Public
 * contract"). Both sides import these names and shapes; change them only with docs and a note.
 */
import { z } from 'zod';

export const MAX_MESSAGE_LENGTH = 4000;

export const userSchema = z.object({
  name: z.string().trim().min(1).max(200),
  email: z.string().trim().email().max(320),
});
export type User = z.infer<typeof userSchema>;

export const ticketRefSchema = z.object({
  key: z.string(),
  url: z.string(),
  summary: z.string(),
  status: z.string(),
});
export type TicketRef = z.infer<typeof ticketRefSchema>;

export const chatMessageSchema = z.object({
  id: z.string(),
  role: z.enum(['user', 'assistant']),
  text: z.string(),
  createdAt: z.string(),
  quickReplies: z.array(z.string()).optional(),
  ticket: ticketRefSchema.optional(),
});
export type ChatMessage = z.infer<typeof chatMessageSchema>;

export const handshakeAuthSchema = z
  .object({
    token: z.string().max(8192).optional(),
    user: z.object({ name: z.string().max(200).optional(), email: z.string().max(320).optional() }).optional(),
    sessionToken: z.string().max(512).optional(),
  })
  .passthrough();
export type HandshakeAuth = z.infer<typeof handshakeAuthSchema>;

export const sendMessageSchema = z.object({
  text: z
    .string({ error: 'text must be a string' })
    .trim()
    .min(1, 'text must not be empty')
    .max(MAX_MESSAGE_LENGTH, `text must be at most ${MAX_MESSAGE_LENGTH} characters`),
  clientId: z.string().min(1).max(100).optional(),
});
export type SendMessage = z.infer<typeof sendMessageSchema>;

export const newConversationSchema = z.object({}).passthrough();

export interface SessionPayload {
  conversationId: string;
  sessionToken: string;
  user: User;
  messages: ChatMessage[];
  tickets: TicketRef[];
}

export interface TicketUpdate {
  key: string;
  url: string;
  kind: 'comment' | 'status';
  status?: string;
  comment?: { author: string; text: string };
  at: string;
}

export interface ErrorPayload {
  code: string;
  message: string;
}

export type Ack<T extends object = object> = ({ ok: true } & T) | { ok: false; error: ErrorPayload };

export interface ServerToClientEvents {
  session: (payload: SessionPayload) => void;
  'message:delta': (payload: { id: string; delta: string }) => void;
  message: (payload: ChatMessage) => void;
  typing: (payload: { active: boolean }) => void;
  'ticket:created': (payload: TicketRef) => void;
  'ticket:updated': (payload: TicketUpdate) => void;
  error: (payload: ErrorPayload) => void;
}

export interface ClientToServerEvents {
  'message:send': (payload: unknown, ack?: (res: Ack<{ message: ChatMessage }>) => void) => void;
  'conversation:new': (payload: unknown, ack?: (res: Ack<{ conversationId: string }>) => void) => void;
}
