import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../../src/knowledge/front-matter.js';
import { parsePlaybook } from '../../src/knowledge/playbook-file.js';
import { tokenize } from '../../src/knowledge/tokenize.js';

describe('parseFrontMatter', () => {
  it('reads strings, quoted strings, inline lists and block lists', () => {
    const { data, body } = parseFrontMatter(
      [
        '---',
        'id: vpn',
        'title: "VPN: won\'t connect"',
        'keywords_en: [vpn, "a, b", \'c\']',
        'keywords_ja:',
        '  - 接続',
        '  - 繋がらない',
        '---',
        'Body',
      ].join('\n'),
    );
    expect(data).toEqual({
      id: 'vpn',
      title: "VPN: won't connect",
      keywords_en: ['vpn', 'a, b', 'c'],
      keywords_ja: ['接続', '繋がらない'],
    });
    expect(body).toBe('Body');
  });

  it('reports an unclosed block and a line that is not key: value', () => {
    expect(() => parseFrontMatter('---\nid: x\n')).toThrow(/not closed/);
    expect(() => parseFrontMatter('---\njust text\n---\n')).toThrow(/line 2/);
  });
});

describe('parsePlaybook', () => {
  it('takes English steps from ## Steps, Japanese from ## 手順, and joins continuation lines', () => {
    const text = [
      '---',
      'id: p',
      'category: printer',
      'title: P',
      'escalate_when: never',
      '---',
      '## Steps',
      '1. one',
      '   continued',
      '2. two',
      '3. three',
      '4. four',
      '## 手順',
      '1. 一',
      '2. 二',
      '3. 三',
      '4. 四',
    ].join('\n');
    const p = parsePlaybook(text, 'p.md');
    expect(p.steps).toEqual(['one continued', 'two', 'three', 'four']);
    expect(p.stepsJa).toEqual(['一', '二', '三', '四']);
    expect(p.titleJa).toBeUndefined();
    expect(p.urgentEscalation).toBe(false);
  });

  it('reads the optional Japanese title and the urgent-escalation flag', () => {
    const base = ['---', 'id: p', 'category: other', 'title: P', 'title_ja: ピー', 'escalate_when: never'];
    const steps = ['---', '1. a', '2. b', '3. c', '4. d'];
    const urgent = parsePlaybook([...base, 'urgent_escalation: true', ...steps].join('\n'), 'p.md');
    expect(urgent.titleJa).toBe('ピー');
    expect(urgent.urgentEscalation).toBe(true);
    expect(() => parsePlaybook([...base, 'urgent_escalation: yes', ...steps].join('\n'), 'p.md')).toThrow(/p\.md/);
  });
});

describe('tokenize', () => {
  it('lower-cases and stems Latin words and adds adjacent pairs', () => {
    expect(tokenize('Printing BLANK pages')).toEqual(['print', 'blank', 'page', 'print_blank', 'blank_page']);
    expect(tokenize('Ｗｉ－Ｆｉ is slow')).toEqual(['wifi', 'slow', 'wifi_slow']);
    expect(tokenize('C: drive full')).toEqual(['cdriv', 'full', 'cdriv_full']);
  });

  it('makes bigrams, single kanji and whole katakana words of Japanese, without glued particles', () => {
    expect(tokenize('Teamsの通知')).toEqual(['team', '通知', '通', '知']);
    expect(tokenize('プリンターが重い')).toEqual(expect.arrayContaining(['プリンタ', 'プリ', '重い', '重']));
    expect(tokenize('プリンターが重い')).not.toContain('ーが');
  });

  it('drops words that every follow-up reply uses', () => {
    expect(tokenize('still not working, tried that, same error')).toEqual([]);
    expect(tokenize('再起動しました')).not.toContain('起動');
  });
});
