/**
 * The knowledge base as the agent routes with it: a problem is routed on what it is, not on how
 * pressing it is. "the mouse wheel sticks, no rush, whenever you have time" is a mouse problem,
 * and a Wi-Fi failure "before the board meeting" is not a meeting-room problem.
 */
import type { KnowledgeBase } from '../knowledge/ports.js';
import { withoutPriorityWords } from './reading/priority.js';

export function routingOnSubstance(knowledge: KnowledgeBase): KnowledgeBase {
  return {
    route(text) {
      const plain = withoutPriorityWords(text);
      return (plain !== text && plain !== '' ? knowledge.route(plain) : undefined) ?? knowledge.route(text);
    },
    get: (id) => knowledge.get(id),
    list: () => knowledge.list(),
  };
}
