import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { NEW_PROBLEM_MIN_SCORE } from '../../src/agent/reading/turn-intent.js';
import { createKnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import type { KnowledgeBase } from '../../src/knowledge/ports.js';
import { CATEGORIES } from '../../src/domain/index.js';
import { readSampleLines } from '../agent/samples.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const playbooksDir = path.resolve(here, '../../knowledge/playbooks');
type Opener = { text: string; accept: string[] };
const sampleOpeners = readSampleLines<Opener>(path.join(here, 'fixtures/category-openers.jsonl'));
// Written apart from the playbooks' keywords; see docs/knowledge-base.md before editing either.
const heldOutOpeners = readSampleLines<Opener>(path.join(here, 'fixtures/held-out-openers.jsonl'));

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await createKnowledgeBase({ dir: playbooksDir });
});

/** The agent opens an unmatched message with the "other" playbook, so no match means "other". */
function misrouted(openers: readonly Opener[]): { text: string; accept: string[]; got: string }[] {
  return openers
    .map((o) => ({ ...o, got: kb.route(o.text)?.category ?? 'other' }))
    .filter((o) => !o.accept.includes(o.got));
}

describe('the knowledge base', () => {
  it('has at least 40 playbooks with unique ids and at least two per category', () => {
    const playbooks = kb.list();
    expect(playbooks.length).toBeGreaterThanOrEqual(40);
    expect(new Set(playbooks.map((p) => p.id)).size).toBe(playbooks.length);
    const thin = CATEGORIES.filter((c) => playbooks.filter((p) => p.category === c).length < 2);
    expect(thin).toEqual([]);
  });

  it('lists the general playbook first among "other", because the agent falls back to it', () => {
    expect(kb.list().find((p) => p.category === 'other')?.id).toBe('other-general');
  });

  it('gives every playbook a Japanese title for Japanese-speaking employees', () => {
    const missing = kb.list().filter((p) => !p.titleJa || !/[\u3040-\u30ff\u4e00-\u9fff]/u.test(p.titleJa));
    expect(missing.map((p) => p.id)).toEqual([]);
  });

  it('marks the security incidents as needing IT at once, and no others (reporting a phishing email is not one)', () => {
    const urgent = kb.list().filter((p) => p.urgentEscalation);
    expect(urgent.map((p) => p.id).sort()).toEqual([
      'security-compromised-account',
      'security-lost-device',
      'security-malware',
    ]);
    expect(
      kb
        .list()
        .filter((p) => p.id.startsWith('security-'))
        .every((p) => p.category === 'security'),
    ).toBe(true);
  });

  it('gives Japanese steps, matching the English ones, in every playbook', () => {
    const unmatched = kb.list().filter((p) => p.stepsJa.length !== p.steps.length);
    expect(unmatched.map((p) => p.id)).toEqual([]);
  });
});

describe('routing breadth', () => {
  it('routes every shared sample opener to an accepted category', () => {
    expect(misrouted(sampleOpeners)).toEqual([]);
  });

  it('routes at least 95% of the held-out openers, English and Japanese, to an accepted category', () => {
    const wrong = misrouted(heldOutOpeners);
    const accuracy = (heldOutOpeners.length - wrong.length) / heldOutOpeners.length;
    console.info(`held-out routing: ${heldOutOpeners.length - wrong.length}/${heldOutOpeners.length}`, wrong);
    expect(heldOutOpeners.length).toBeGreaterThanOrEqual(80);
    expect(heldOutOpeners.filter((o) => /[\u3040-\u30ff\u4e00-\u9fff]/u.test(o.text)).length).toBeGreaterThanOrEqual(
      20,
    );
    expect(accuracy).toBeGreaterThanOrEqual(0.95);
  });

  it('routes misspelt and mixed-language openers through typo correction and Japanese tokens', () => {
    expect(kb.route('outlok wont open')?.category).toBe('email');
    expect(kb.route('cannt connect to wifii')?.category).toBe('network');
    expect(kb.route('Outlookが起動しない')?.playbook.id).toBe('outlook-wont-open');
    expect(kb.route('パソコンが重くて固まります')?.category).toBe('performance');
    expect(kb.route('VPN接続がタイムアウトします')?.category).toBe('vpn');
  });

  it('tells a VPN that will not connect from one connected without access, in Japanese', () => {
    for (const text of [
      'VPNに接続できません',
      'VPNにつながりません',
      'VPNに繋がりません',
      'VPNの接続エラーが出ます',
      'VPNにログインできない',
    ]) {
      expect(kb.route(text)?.playbook.id, text).toBe('vpn-cannot-connect');
    }
    expect(kb.route('VPNに接続できたが社内サイトが開かない')?.playbook.id).toBe('vpn-connected-no-access');
  });

  it('does not read follow-up replies as a new problem', () => {
    const replies = [
      'still not working',
      'tried that, no change',
      "didn't help, same error",
      'nope, same thing',
      'I did all of that and nothing happened',
      "the steps didn't help",
      'I already rebooted twice',
      'that fixed it, thank you',
      'still broken, yes create the ticket',
      'who will see the ticket?',
      'まだ直りません',
      '再起動しましたが変わりません',
      '同じエラーが出ます',
      '試しましたがダメです',
      'チケットを作成してください',
      '直りました、ありがとうございます',
    ];
    const strong = replies
      .map((text) => ({ text, score: kb.route(text)?.score ?? 0 }))
      .filter((r) => r.score >= NEW_PROBLEM_MIN_SCORE);
    expect(strong).toEqual([]);
  });
});
