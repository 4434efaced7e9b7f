import { describe, expect, it } from 'vitest';
import { detectUrgentIssue } from '../../src/agent/reading/urgent-issue.js';

const kindOf = (text: string) => detectUrgentIssue(text)?.kind;

describe('detectUrgentIssue', () => {
  it.each([
    ["I spilled coffee on my laptop and it won't turn on", 'damage'],
    ['My screen is cracked', 'damage'],
    ['I dropped my laptop and now the screen is broken', 'damage'],
    ['the battery is swollen and the case bulges', 'damage'],
    ['there is a burning smell coming from my PC', 'damage'],
    ['I lost my laptop on the train', 'lost'],
    ['my laptop was stolen from my car', 'stolen'],
    ['I clicked a link in a phishing email', 'security'],
    ['I entered my password on a suspicious site', 'security'],
    ['my account was hacked', 'security'],
    ['a ransomware message is on my screen', 'malware'],
  ])('reads "%s" as %s', (text, kind) => {
    expect(kindOf(text)).toBe(kind);
  });

  it.each([
    ['画面が割れました', 'damage'],
    ['ノートPCに水をこぼしてしまいました', 'damage'],
    ['バッテリーが膨らんでいます', 'damage'],
    ['パソコンから煙が出ています', 'damage'],
    ['ノートPCを電車に置き忘れました', 'lost'],
    ['社用スマホを盗まれました', 'stolen'],
    ['不審なメールのリンクをクリックしてしまいました', 'security'],
    ['メールアカウントが乗っ取られたようです', 'security'],
  ])('reads 「%s」 as %s', (text, kind) => {
    expect(kindOf(text)).toBe(kind);
  });

  // docs/conversations.md: a lost device is a security incident, so Highest like theft (issue 9).
  it('gives High for damage, Highest for loss, theft and security incidents', () => {
    expect(detectUrgentIssue('I spilled water on my keyboard')?.priority).toBe('High');
    expect(detectUrgentIssue('I lost my phone')?.priority).toBe('Highest');
    expect(detectUrgentIssue('my laptop was stolen')?.priority).toBe('Highest');
    expect(detectUrgentIssue('I clicked a phishing link')?.priority).toBe('Highest');
  });

  it.each([
    'the screen is not cracked, just dim',
    "I didn't spill anything on it",
    'nothing was stolen, I just forgot my password',
    'my screen is flickering',
    'Outlook keeps asking for my password',
    'lost my YubiKey',
    '画面は割れていませんが暗いです',
    'バッテリーは膨らんでいません',
    'リンクはクリックしていません',
    '印刷が止まったままです',
  ])('does not read "%s" as needing IT at once', (text) => {
    expect(detectUrgentIssue(text)).toBeUndefined();
  });
});
