/**
 * Runtime validation of what clients send, checked against the contract's types so the two
 * cannot drift apart.
 */
import { z } from 'zod';
import {
  MAX_CLIENT_ID_LENGTH,
  MAX_EMAIL_LENGTH,
  MAX_MESSAGE_LENGTH,
  MAX_NAME_LENGTH,
  MAX_SESSION_TOKEN_LENGTH,
  MAX_TOKEN_LENGTH,
  type HandshakeAuth,
  type SendMessage,
} from '../contract/index.js';

export const handshakeAuthSchema = z.looseObject({
  token: z.string().max(MAX_TOKEN_LENGTH).optional(),
  user: z
    .object({ name: z.string().max(MAX_NAME_LENGTH).optional(), email: z.string().max(MAX_EMAIL_LENGTH).optional() })
    .optional(),
  sessionToken: z.string().max(MAX_SESSION_TOKEN_LENGTH).optional(),
}) satisfies z.ZodType<HandshakeAuth>;

export const sendMessageSchema = z.object({
  text: z
    .string({ error: 'text must be a string' })
    .trim()
    .min(1, 'text must not be empty')
    .max(MAX_MESSAGE_LENGTH, `text must be at most ${MAX_MESSAGE_LENGTH} characters`),
  clientId: z.string().min(1).max(MAX_CLIENT_ID_LENGTH).optional(),
}) satisfies z.ZodType<SendMessage>;

export const newConversationSchema = z.looseObject({});
