/** What the nodes need from outside the graph; `createSupportAgent` supplies it. */
import type { KnowledgeBase } from '../knowledge/ports.js';
import type { Logger } from '../shared/logger.js';
import type { JiraTickets } from '../tickets/ports.js';
import type { Contacts } from './kind-messages.js';
import type { LlmClient } from './llm/model.js';

export interface NodeDeps {
  tickets: JiraTickets;
  knowledge: KnowledgeBase;
  logger: Logger;
  now: () => Date;
  /** How long an offer waits for the employee's open tickets before offering a new one (ms). */
  openTicketLookupMs?: number;
  /** Where problems that are not IT's go (FACILITIES_CONTACT, HR_CONTACT). */
  contacts?: Contacts;
}

/** The LLM engine's nodes also get the model client. */
export interface LlmNodeDeps extends NodeDeps {
  llm: LlmClient;
}
