import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createKnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import type { KnowledgeBase } from '../../src/knowledge/ports.js';
import { CATEGORIES } from '../../src/domain/index.js';
import { readSampleLines, sharedOriginal } from '../agent/samples.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const playbooksDir = path.resolve(here, '../../knowledge/playbooks');
const fixture = path.join(here, 'fixtures/category-openers.jsonl');
const openers = readSampleLines<{ text: string; accept: string[] }>(fixture);
const CORE = ['teams', 'vpn', 'email', 'printer'];

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await createKnowledgeBase({ dir: playbooksDir });
});

describe('the shipped playbooks', () => {
  it('load, each with 4 to 9 steps, an escalation rule and a unique id', () => {
    const playbooks = kb.list();
    expect(playbooks.length).toBeGreaterThanOrEqual(17);
    for (const p of playbooks) {
      expect(p.steps.length, p.file).toBeGreaterThanOrEqual(4);
      expect(p.steps.length, p.file).toBeLessThanOrEqual(9);
      expect(p.escalateWhen.length, p.file).toBeGreaterThan(20);
      expect(p.keywordsJa.length, p.file).toBeGreaterThan(0);
    }
    expect(new Set(playbooks.map((p) => p.id)).size).toBe(playbooks.length);
  });

  it('cover every category of the taxonomy', () => {
    const covered = new Set(kb.list().map((p) => p.category));
    expect(CATEGORIES.filter((c) => !covered.has(c))).toEqual([]);
  });

  it('give the real Teams cache paths for new and classic Teams and macOS', () => {
    const steps = kb.get('teams-wont-start')?.steps.join('\n') ?? '';
    expect(steps).toContain('%LocalAppData%\\Packages\\MSTeams_8wekyb3d8bbwe\\LocalCache\\Microsoft\\MSTeams');
    expect(steps).toContain('%AppData%\\Microsoft\\Teams');
    expect(steps).toContain('~/Library/Containers/com.microsoft.teams2');
    expect(steps).toContain('https://teams.microsoft.com');
  });
});

describe('route', () => {
  it('keeps its sample copy identical to the shared samples', () => {
    const original = sharedOriginal('category-openers.jsonl');
    if (original !== undefined) expect(fs.readFileSync(fixture, 'utf8')).toBe(original);
  });

  it.each(openers.filter((o) => o.accept.some((c) => CORE.includes(c))))(
    'routes "$text" to $accept',
    ({ text, accept }) => {
      expect(accept).toContain(kb.route(text)?.category);
    },
  );

  it('routes every sample opener to an accepted category', () => {
    const wrong = openers
      .map((o) => ({ ...o, got: kb.route(o.text)?.category }))
      .filter((o) => o.got === undefined || !o.accept.includes(o.got));
    console.info(`routing: ${openers.length - wrong.length}/${openers.length} sample openers right`);
    expect(wrong).toEqual([]);
  });

  it('routes Japanese openers to the specific playbook', () => {
    expect(kb.route('Teamsの通知が来ません')?.playbook.id).toBe('teams-notifications');
    expect(kb.route('メールが送信できません')?.playbook.id).toBe('email-not-sending');
    expect(kb.route('印刷が止まったままです')?.playbook.id).toBe('printer-queue-stuck');
    expect(kb.route('VPNに接続できません')?.category).toBe('vpn');
  });

  it('matches nothing for replies that describe no problem', () => {
    for (const text of ['yes', 'still not working', 'it works now', 'thanks', 'はい']) {
      expect(kb.route(text), text).toBeUndefined();
    }
  });
});

describe('createKnowledgeBase with a bad folder', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  function folderWith(files: Record<string, string>): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'playbooks-'));
    dirs.push(dir);
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
    return dir;
  }

  const playbook = (id: string, steps: number) =>
    `---\nid: ${id}\ncategory: vpn\ntitle: T\nescalate_when: always\n---\n${Array.from({ length: steps }, (_, i) => `${i + 1}. step ${i}`).join('\n')}\n`;

  it('names the file whose playbook has too few steps', async () => {
    await expect(createKnowledgeBase({ dir: folderWith({ 'short.md': playbook('short', 2) }) })).rejects.toThrow(
      /short\.md: has 2 steps/,
    );
  });

  it('rejects two playbooks with one id', async () => {
    const dir = folderWith({ 'a.md': playbook('same', 4), 'b.md': playbook('same', 4) });
    await expect(createKnowledgeBase({ dir })).rejects.toThrow(/duplicate id "same"/);
  });

  it('rejects a category outside the taxonomy', async () => {
    const dir = folderWith({ 'x.md': playbook('x', 4).replace('category: vpn', 'category: coffee') });
    await expect(createKnowledgeBase({ dir })).rejects.toThrow(/x\.md/);
  });
});
