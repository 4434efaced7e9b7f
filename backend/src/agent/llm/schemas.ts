/** What the model must return for each structured question; anything else is a failed call. */
import { z } from 'zod';
import { CATEGORIES } from '../../domain/index.js';

// `nullish` rather than `optional`: models often send null for a field they leave empty.
const stated = (what: string) => z.string().nullish().describe(`${what}, only if the employee stated it`);

export const understandingSchema = z.object({
  category: z.enum(CATEGORIES).describe('the category of the problem'),
  playbookId: z.string().describe('the id of the candidate playbook that fits best'),
  symptom: z.string().describe("one line, at most 100 characters, in the employee's language: what is wrong"),
  app: stated('the application'),
  device: stated('the device, e.g. laptop or phone'),
  os: stated('the operating system'),
  errorText: stated('the error message, word for word'),
  urgency: z.enum(['low', 'medium', 'high', 'highest']),
  language: z.enum(['en', 'ja']),
});
export type Understanding = z.infer<typeof understandingSchema>;

export const confirmationSchema = z.object({
  intent: z.enum(['confirm', 'decline', 'resolved', 'question', 'unclear']),
  answer: z.string().nullish().describe('only when intent is "question": the answer'),
});
export type ConfirmationReading = z.infer<typeof confirmationSchema>;

export const feedbackSchema = z.object({
  intent: z.enum(['resolved', 'not_fixed', 'wants_ticket', 'other']),
});
export type FeedbackReading = z.infer<typeof feedbackSchema>;
