/**
 * The knowledge-base port: playbooks loaded from Markdown, and a router that picks the playbook
 * (and so the category) for an employee's own words. Pure retrieval — no model is involved.
 */
import type { Category } from '../domain/index.js';

export interface Playbook {
  id: string;
  category: Category;
  title: string;
  /** The title for Japanese-speaking employees (`title_ja`); tickets for IT keep `title`. */
  titleJa: string | undefined;
  keywordsEn: string[];
  keywordsJa: string[];
  /** When the employee cannot fix it alone and IT has to take over. */
  escalateWhen: string;
  /** `urgent_escalation: true`: the problem goes to IT at once, without self-help steps. */
  urgentEscalation: boolean;
  /** Ordered troubleshooting steps (English). */
  steps: string[];
  /** The same steps in Japanese when the playbook has a `## 手順` section; otherwise empty. */
  stepsJa: string[];
  /** The file it came from, for error messages and logs. */
  file: string;
}

export interface RouteMatch {
  category: Category;
  playbook: Playbook;
  /** BM25 score; higher is better, comparable only within one knowledge base. */
  score: number;
}

export interface KnowledgeBase {
  /** The best playbook for the text, or undefined when nothing matches well enough. */
  route(text: string): RouteMatch | undefined;
  get(id: string): Playbook | undefined;
  list(): readonly Playbook[];
}
