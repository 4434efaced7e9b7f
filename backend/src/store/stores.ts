/**
 * Every repository the application uses, from one place: the SQLite file in DATA_DIR (the
 * embedded default, here) or Postgres (store/postgres/postgres-stores.ts). Both implement the
 * same ports, so the rest of the application cannot tell which it runs on.
 */
import type { ConversationLocks, TurnJournal } from '../chat/ports.js';
import type { DeskRepository } from '../desk/ports.js';
import type { WebhookDeliveries } from '../jira-events/ports.js';
import type { EscalationStore } from '../tickets/ports.js';
import { createConversationRepository, type ConversationRepository } from './conversation-repository.js';
import { createDeskRepository } from './desk-repository.js';
import { createEscalationRepository } from './escalation-repository.js';
import { createJiraWebhookRepository } from './jira-webhook-repository.js';
import { openDatabase } from './sqlite.js';
import { createTurnJournal } from './turn-journal.js';

export interface Stores {
  kind: 'sqlite' | 'postgres';
  conversations: ConversationRepository;
  turns: TurnJournal;
  escalations: EscalationStore;
  webhookDeliveries: WebhookDeliveries;
  desk: DeskRepository;
  /** A conversation's turns one at a time across replicas (Postgres); SQLite needs none. */
  locks?: ConversationLocks;
  close(): Promise<void>;
}

/** One SQLite file; each repository creates its tables on first open, as it always has. */
export function openSqliteStores(file: string): Stores {
  const db = openDatabase(file);
  const desk = createDeskRepository(db);
  const escalations = createEscalationRepository(db);
  const conversations = createConversationRepository(db);
  return {
    kind: 'sqlite',
    conversations,
    turns: createTurnJournal(db, conversations),
    escalations,
    webhookDeliveries: createJiraWebhookRepository(db),
    desk,
    close: async () => void db.close(),
  };
}
