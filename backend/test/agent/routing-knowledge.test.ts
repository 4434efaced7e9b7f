import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { withoutPriorityWords } from '../../src/agent/reading/priority.js';
import { routingOnSubstance } from '../../src/agent/routing-knowledge.js';
import { createKnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import type { KnowledgeBase } from '../../src/knowledge/ports.js';

const playbooksDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../knowledge/playbooks');
let knowledge: KnowledgeBase;

beforeAll(async () => {
  knowledge = routingOnSubstance(await createKnowledgeBase({ dir: playbooksDir }));
});

describe('routing on what the problem is, not how pressing it is', () => {
  it.each([
    ['15時からの役員会議で使うPCがWi-Fiにつながりません', 'network'],
    ['マウスのホイールが少し引っかかる感じがします。急ぎではないので、時間がある時で大丈夫です', 'hardware'],
    ['至急お願いします。Outlookでメールが送信できません', 'email'],
    ['my laptop Wi-Fi keeps dropping, I have a client call in 20 minutes', 'network'],
    ['no rush, whenever someone has time: the printer on 2F prints blank pages', 'printer'],
    ["the projector in the boardroom won't show my laptop, CEO presentation starts in 40 minutes", 'display'],
    ["my webcam isn't detected at all and I have a customer demo on Teams at 11", 'audio-video'],
  ])('"%s" → %s', (text, category) => {
    expect(knowledge.route(text)?.category).toBe(category);
  });

  it('removes urgency, deadline and meeting words but keeps the problem', () => {
    expect(withoutPriorityWords('URGENT: VPN fails, need it by noon')).toBe(': VPN fails, need it');
    expect(withoutPriorityWords('プリンターが止まりました。至急お願いします')).toBe(
      'プリンターが止まりました。 お願いします',
    );
    expect(withoutPriorityWords('the whole team cannot print')).toBe('the whole team cannot print');
  });
});
