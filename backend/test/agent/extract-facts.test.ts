import { describe, expect, it } from 'vitest';
import type { Environment } from '../../src/domain/index.js';
import { absorbMessage, describeSymptom, extractEnvironment } from '../../src/agent/reading/extract-facts.js';

const facts: [string, Partial<Environment>][] = [
  ['Windows update failed with 0x80070005 on my laptop', { errors: ['0x80070005'], os: 'Windows', device: 'laptop' }],
  ['PC keeps rebooting, stop code CRITICAL_PROCESS_DIED', { errors: ['CRITICAL_PROCESS_DIED'] }],
  [
    "HP LaserJet M479 shows 'Paper Jam in tray 2' but there's no paper",
    { model: 'HP LaserJet M479', errors: ['Paper Jam in tray 2'] },
  ],
  ['sign-in fails with AADSTS50076 on my iPhone 13', { errors: ['AADSTS50076'], model: 'iPhone 13', os: 'iOS' }],
  [
    'my Dell Latitude 5440 asks for the BitLocker key since Monday',
    { model: 'Dell Latitude 5440', since: 'since Monday' },
  ],
  ['Jabra Evolve2 40 mic not picked up in Teams', { model: 'Jabra Evolve2 40', app: 'Teams' }],
  ['Software Center fails to install Photoshop, error 0x87D00607', { errors: ['0x87D00607'], app: 'Photoshop' }],
  [
    "the whole team can't print since the update, need it by noon",
    { affected: 'the whole team', deadline: 'by noon', since: 'since the update' },
  ],
  [
    'Outlook stuck on "Loading Profile" on my ThinkPad T14',
    { errors: ['Loading Profile'], app: 'Outlook', model: 'ThinkPad T14' },
  ],
  ['it stopped working after the Windows update last night', { since: 'after the Windows update' }],
  ['this started 3 days ago and happens every morning', { since: 'started 3 days ago' }],
  ['Excel error 1004 when running the macro', { errors: ['1004'], app: 'Excel' }],
  ['Chrome says ERR_CONNECTION_RESET for the intranet', { errors: ['ERR_CONNECTION_RESET'], app: 'Chrome' }],
  [
    'Teamsで「問題が発生しました」と出ます。エラーコードは caa70004 です',
    { errors: ['問題が発生しました', 'caa70004'], app: 'Teams' },
  ],
  ['アップデート後からOutlookが起動しません', { since: 'アップデート後から', app: 'Outlook' }],
  ['月曜日からVPNが切れます', { since: '月曜日から' }],
  [
    '部署全員のPCで印刷できません。本日中に直してほしいです',
    { affected: '部署全員', deadline: '本日中', device: 'PC' },
  ],
  ['プリンターが「エラー E-202」で止まりました', { errors: ['エラー E-202'], device: 'printer' }],
  ['キヤノンの複合機 iR-ADV C5840 で紙詰まりの表示が消えません', { device: 'printer', model: 'iR-ADV C5840' }],
  ['社用スマホ（Pixel 7）で社内アプリが開けません', { model: 'Pixel 7', os: 'Android' }],
  ["the folder 'Budget 2025' is missing from the F: drive", {}],
];

describe('facts read from every message', () => {
  it.each(facts)('"%s"', (text, expected) => {
    expect(extractEnvironment(text)).toMatchObject(expected);
  });

  it('keeps what was known, fills gaps and collects every error across messages', () => {
    const problem = { environment: extractEnvironment('Outlook shows 0x800CCC0E'), priority: 'Medium' as const };
    const later = absorbMessage(
      problem,
      "now it also says 'Cannot connect to server' on my Windows 11 laptop, the whole team has it",
    );
    expect(later.environment).toMatchObject({
      app: 'Outlook',
      os: 'Windows 11',
      errors: ['0x800CCC0E', 'Cannot connect to server'],
      affected: 'the whole team',
    });
    expect(later.priority).toBe('High');
  });
});

const symptoms: [string, string][] = [
  ["Good morning all, hope you're well. My PC is really slow since the update.", 'PC is really slow since the update'],
  [
    'Outlook crashes on start with exception code 0xc0000005 - can someone from IT call me?',
    'Outlook crashes on start with exception code 0xc0000005',
  ],
  ['hi there! quick question. Teams keeps logging me out', 'Teams keeps logging me out'],
  [
    'Hello IT, sorry to bother you. The printer on 3F jams on every page, please help!',
    'The printer on 3F jams on every page',
  ],
  ['I have a customer demo at 11. My webcam is not detected.', 'webcam is not detected'],
  ['Teams sign-in fails with AADSTS50076 on my iPhone 13', 'Teams sign-in fails with AADSTS50076'],
  [
    'お疲れ様です。PCが青い画面になって再起動を繰り返します。誰か電話してもらえませんか',
    'PCが青い画面になって再起動を繰り返します',
  ],
  [
    '本日締め切りの提出資料があるのに、プリンターが「エラー E-202」で止まってしまいました',
    'プリンターが「エラー E-202」で止まってしまいました',
  ],
  ['すみません、Wi-Fiにつながりません。', 'Wi-Fiにつながりません'],
  ['can I get access to the HR shared drive? my manager Tom approved it', 'Access to the HR shared drive'],
  [
    'Can you install Docker Desktop on my machine? Need it for the API project, my lead Anna approved',
    'Docker Desktop on my machine',
  ],
  ["I'd like a Visio licence please. Ken said it's fine", 'A Visio licence'],
  ['Could we get a second monitor for the new hire? Budget is approved', 'A second monitor for the new hire'],
  [
    '経理部の共有フォルダへのアクセス権限がほしいです。部長の承認済みです',
    '経理部の共有フォルダへのアクセス権限がほしいです',
  ],
  [
    'お世話になっております。Outlookの予定表が同期されません。よろしくお願いします。',
    'Outlookの予定表が同期されません',
  ],
];

describe('the symptom names the problem, not the first sentence', () => {
  it.each(symptoms)('"%s" → "%s"', (text, expected) => {
    expect(describeSymptom(text)).toBe(expected);
  });

  it('stays within 100 characters, cut at a word', () => {
    const s = describeSymptom(`My laptop ${'really '.repeat(30)}will not start`);
    expect(s.length).toBeLessThanOrEqual(100);
    expect(s).toMatch(/really…$/);
  });
});
