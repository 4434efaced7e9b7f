/**
 * The knowledge base as the agent routes with it: a problem is routed on what it is, not on how
 * pressing it is or on what still works. "the mouse wheel sticks, no rush, whenever you have time"
 * is a mouse problem, a Wi-Fi failure "before the board meeting" is not a meeting-room problem, and
 * a screen that stays dark while "the power is on" (電源は入ってる) is a screen problem, not a power one;
 * "since the update" says when a problem began, not what it is.
 */
import type { KnowledgeBase } from '../knowledge/ports.js';
import { withoutPriorityWords } from './reading/priority.js';

/** What the employee says still works about power: evidence against a power fault, not for one. */
const powerIsOn = [
  /電源(?:ランプ|ライト|ボタン|の(?:ランプ|ライト))?(?:は|も|が)?(?:ちゃんと|一応|まだ)?(?:入っ|つい|点い|光っ|点灯し)て(?:い)?(?:る|ます)(?:っぽい|みたい|よう|はず)?(?:です)?/g,
  /\b(?:the\s+)?(?:power(?:\s+(?:light|led|button light))?|charging light|fans?)\s+(?:is|are|seems?|seem to be|looks?)\s+(?:still\s+)?(?:on|lit|running|spinning)\b/gi,
  /\b(?:it\s+)?(?:is|seems?)\s+(?:still\s+)?(?:powered on|switched on|turned on)\b/gi,
];

/** "since the update", 「アップデート後から」: when it started, not what broke (the update itself failing stays). */
const sinceAnUpdate = [
  /\b(?:ever\s+)?(?:since|after)\s+(?:the|an?|last|latest|recent|yesterday's|today's|this morning's|last night's)?\s*(?:windows\s+|os\s+|system\s+|software\s+)?(?:update|upgrade|patch)(?:es|s|d)?\b/gi,
  /(?:(?:Windows|OS)\s*の?)?(?:アップデート|アプデ|更新)(?:を?して|が?あって|の|し(?:た)?)?(?:後|あと|以降|以来|から)(?:から)?/g,
];

function withoutWhatWorks(text: string): string {
  return [...powerIsOn, ...sinceAnUpdate]
    .reduce((t, pattern) => t.replace(pattern, ' '), text)
    .replace(/\s+/g, ' ')
    .trim();
}

export function routingOnSubstance(knowledge: KnowledgeBase): KnowledgeBase {
  return {
    route(text) {
      const plain = withoutWhatWorks(withoutPriorityWords(text));
      return (plain !== text && plain !== '' ? knowledge.route(plain) : undefined) ?? knowledge.route(text);
    },
    get: (id) => knowledge.get(id),
    list: () => knowledge.list(),
  };
}
