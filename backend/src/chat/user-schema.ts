/** A valid employee identity, whether claimed (open mode) or signed (token mode). */
import { z } from 'zod';
import { MAX_EMAIL_LENGTH, MAX_NAME_LENGTH, type User } from '../contract/index.js';

export const userSchema = z.object({
  name: z.string().trim().min(1).max(MAX_NAME_LENGTH),
  email: z.string().trim().email().max(MAX_EMAIL_LENGTH),
}) satisfies z.ZodType<User>;
