import { describe, expect, it } from 'vitest';
import { asksToLogIt, detectNotIt, insistsItIsIt } from '../../src/agent/reading/not-it.js';
import { cancelsRequest, detectRequest, requestFields } from '../../src/agent/reading/request.js';
import { admitsActing, mentionsSuspiciousMessage } from '../../src/agent/reading/security.js';
import { detectUrgentIssue } from '../../src/agent/reading/urgent-issue.js';
import { isVagueOpener } from '../../src/agent/reading/vague-opener.js';

describe('security incidents', () => {
  it.each([
    ['clicked the link in that dodgy DHL email and put my password in, stupid', 'security'],
    ['i typed my office 365 password into a page from an email, then realised the address was wrong', 'security'],
    ['I think my mailbox has been compromised, people got emails I did not send', 'security'],
    ['someone hacked my account, my outlook rules were changed', 'security'],
    ['I approved an MFA request on my phone that was not me', 'security'],
    ['I opened the attachment from a fake invoice email and now Word asked to enable macros', 'malware'],
    ['all my files on the shared drive now end with .locked and there is a readme asking for bitcoin', 'malware'],
    ['a ransom note popped up on my screen', 'malware'],
    ['I think I have a virus, pop-ups everywhere', 'malware'],
    ['my laptop bag was stolen at the station', 'stolen'],
    ['someone stole my phone on the bus', 'stolen'],
    ['I left my work laptop in a taxi last night', 'lost'],
    ['forgot my company phone on the train this morning', 'lost'],
    ['lost my work iphone somewhere in town', 'lost'],
    ['偽のログイン画面にパスワードを入力してしまいました', 'security'],
    ['怪しいSMSのURLをタップしてしまいました', 'security'],
    ['アカウントが乗っ取られたかもしれません。送った覚えのないメールが送信されています', 'security'],
    ['見覚えのない送信元からの添付ファイルを開いてしまいました', 'malware'],
    ['ファイルの拡張子が勝手に変わってしまい、身代金を要求する画面が出ています', 'malware'],
    ['会社のスマホをタクシーに置き忘れました', 'lost'],
    ['出張先でノートPCを盗まれました', 'stolen'],
  ])('reads "%s" as %s', (text, kind) => {
    expect(detectUrgentIssue(text)?.kind).toBe(kind);
  });

  it.each([
    "got a phishing email but I didn't click anything",
    'I left my laptop at home today, can I use webmail?',
    'forgot my phone at home so I cannot get the MFA code',
    'I typed my password wrong three times and now I am locked out',
    'the attachment in the email from my manager will not open',
    'Outlook keeps asking for my password',
    'how do I open a zip file',
    '添付ファイルが開けません',
    '家にパソコンを忘れてきました',
    'パスワードを何度も間違えてロックされました',
    'リンクは押していません',
  ])('does not read "%s" as a security incident', (text) => {
    expect(detectUrgentIssue(text)).toBeUndefined();
  });

  it.each([
    ["got a weird email asking me to buy gift cards for the CEO, didn't click anything", true],
    ['is this email legit? it says my mailbox is full', true],
    ['I received a suspicious text claiming to be from the bank', true],
    ['「アカウントが停止されます」という不審なメールが届きました', true],
    ['フィッシングメールかもしれないメールを受信しました', true],
    ['my emails are not arriving', false],
    ['Outlook shows a strange error when sending', false],
  ])('suspicious message "%s": %s', (text, expected) => {
    expect(mentionsSuspiciousMessage(text)).toBe(expected);
  });

  it.each([
    ['actually I did click the link', 'security'],
    ['I opened the attachment already', 'malware'],
    ['I entered my password on the page', 'security'],
    ['リンクをクリックしてしまいました', 'security'],
    ['添付ファイルを開いてしまいました', 'malware'],
  ])('after reporting guidance, "%s" admits acting (%s)', (text, kind) => {
    expect(admitsActing(text)).toBe(kind);
  });

  it.each(['thanks, reported it', "no I didn't click it", 'リンクは押していません'])(
    'after reporting guidance, "%s" admits nothing',
    (text) => {
      expect(admitsActing(text)).toBeUndefined();
    },
  );
});

describe('problems that are not IT', () => {
  it.each([
    ['the coffee machine in the kitchen is leaking everywhere', 'facilities'],
    ['Kettle on 3rd floor broke', 'facilities'],
    ["it's freezing in the meeting room, can someone turn up the heating?", 'facilities'],
    ['the air conditioning in our office has been off all day', 'facilities'],
    ['light above my desk is buzzing and flickering', 'facilities'],
    ['my chair is broken, it keeps sinking', 'facilities'],
    ['my door badge stopped opening the side entrance', 'facilities'],
    ['the toilets on the 2nd floor are blocked', 'facilities'],
    ["there's water dripping from the ceiling next to the printer room", 'facilities'],
    ['elevator is stuck again', 'facilities'],
    ['who do I talk to about a parking space?', 'facilities'],
    ['my standing desk will not go up anymore', 'facilities'],
    ['my payslip is missing the bonus', 'hr'],
    ['how many days of annual leave do I have left?', 'hr'],
    ['I was not paid for my overtime last month', 'hr'],
    ['question about my pension contributions', 'hr'],
    ['how do I request parental leave?', 'hr'],
    ['コーヒーメーカーが壊れています', 'facilities'],
    ['エアコンが効かなくて寒いです', 'facilities'],
    ['会議室の照明がチカチカしています', 'facilities'],
    ['椅子のキャスターが取れました', 'facilities'],
    ['社員証でドアが開きません', 'facilities'],
    ['給与明細の残業代が間違っています', 'hr'],
    ['育休の手続きについて教えてください', 'hr'],
    ['年末調整の書類はどこに出せばいいですか', 'hr'],
  ])('reads "%s" as %s', (text, area) => {
    expect(detectNotIt(text)?.area).toBe(area);
  });

  it.each([
    'the printer on 4th floor is jammed',
    'my monitor keeps flickering',
    'the light on my laptop charger is blinking but it does not charge',
    "can't sign in to the payroll portal, it says my account is locked",
    'the leave request page shows error 500',
    'Teams meeting room display is blank',
    'my keyboard backlight does not turn on',
    'Excel keeps freezing',
    'I need access to the HR shared folder',
    '給与システムにログインできません',
    'プリンターで紙詰まりが起きています',
    '会議室のモニターが映りません',
  ])('keeps "%s" with IT', (text) => {
    expect(detectNotIt(text)).toBeUndefined();
  });

  it.each([
    ['it IS an IT thing though', true],
    ['no, this is an IT problem, the system is down', true],
    ["it's not a facilities issue", true],
    ['ITの問題なので対応してください', true],
    ['人事の話ではなく、システムの不具合です', true],
    ['ok thanks', false],
    ['お問い合わせします', false],
  ])('insistence "%s": %s', (text, expected) => {
    expect(insistsItIsIt(text)).toBe(expected);
  });

  it.each([
    ['please log it', true],
    ['チケットお願いします', true],
    ["don't open a ticket", false],
    ['チケットは不要です', false],
  ])('"%s" asks to log it: %s', (text, expected) => {
    expect(asksToLogIt(text)).toBe(expected);
  });
});

describe('requests and faults', () => {
  it.each([
    ['I need access to the Legal SharePoint site', 'access'],
    ['can you give me edit rights on the Marketing folder?', 'access'],
    ['please add me to the sales-team distribution list', 'access'],
    ['could you set up access to Salesforce for our new hire', 'app-access'],
    ['can I get a Power BI licence please', 'licence'],
    ['need a Miro license for a workshop next week', 'licence'],
    ['please install Notepad++ on my PC', 'install'],
    ['can someone install Docker Desktop for me, I do not have admin rights', 'install'],
    ['I would like to get Tableau installed', 'install'],
    ['could I get a second monitor for my desk?', 'equipment'],
    ['I need a new headset', 'equipment'],
    ['財務部のSharePointサイトへのアクセス権をください', 'access'],
    ['営業チームのチャネルに追加してほしいです', 'access'],
    ['Visioのライセンスが必要です', 'licence'],
    ['Slackをインストールしてほしいです', 'install'],
    ['外付けモニターを申請したいです', 'equipment'],
  ])('reads "%s" as a %s request', (text, kind) => {
    expect(detectRequest(text)?.kind).toBe(kind);
  });

  it.each([
    'access denied when I open the Finance drive',
    'I used to have access to the HR folder but not anymore',
    'Visio says Unlicensed Product',
    'my Adobe licence expired',
    'the Zoom install fails with error 1603',
    'I need access, it says I do not have permission since yesterday',
    'Outlook crashes when I open it',
    'I have a problem with access to the shared drive',
    '共有フォルダにアクセスできなくなりました',
    'アクセスが拒否されましたと表示されます',
    'ライセンス認証のエラーが出ます',
    'インストールに失敗します',
  ])('keeps "%s" a fault', (text) => {
    expect(detectRequest(text)).toBeUndefined();
  });

  it.each([
    ['no, cancel that', true],
    ['actually never mind, my manager already did it', true],
    ['nope', true],
    ['やっぱり大丈夫です', true],
    ['いいえ、もう不要です', true],
    ["no, it's for Tom Baker, approved by me", false],
    ['for me, approved by Ana, for the audit', false],
    ['自分用です。承認は上長です', false],
  ])('"%s" cancels the request: %s', (text, expected) => {
    expect(cancelsRequest(text)).toBe(expected);
  });

  it('reads who it is for, the approver and the reason from the employee’s answer', () => {
    expect(requestFields("it's for me, my manager Kenji Sato approves it, I need it to prepare the review")).toEqual({
      forWhom: true,
      approver: true,
      reason: true,
    });
    expect(requestFields('please install VS Code')).toEqual({ forWhom: false, approver: false, reason: false });
    expect(requestFields('自分用です。承認者は上長の田中さんです。資料作成のためです')).toEqual({
      forWhom: true,
      approver: true,
      reason: true,
    });
  });
});

describe('vague openers', () => {
  it.each([
    'help',
    'HELP!!',
    'help me please',
    "it's broken",
    'its not working',
    'something is wrong with my computer',
    'my laptop is acting weird',
    'nothing works',
    'hi, I have an issue',
    'hello, quick question',
    'urgent problem',
    'I need help',
    '動かない',
    '助けてください',
    'パソコンがおかしいです',
    'すみません、問題があります',
    '困っています',
    '何も使えません',
    'お疲れ様です。ちょっと相談があるのですが',
  ])('reads "%s" as vague', (text) => {
    expect(isVagueOpener(text)).toBe(true);
  });

  it.each([
    'help me, Outlook crashes',
    'my laptop is slow',
    'wifi keeps dropping',
    'printer not working',
    'Teams is broken again',
    'error 0x80070005 when installing',
    'my email',
    'Teamsが動かない',
    '動作が遅いです',
    '印刷できません',
    'ネットにつながりません',
  ])('does not read "%s" as vague', (text) => {
    expect(isVagueOpener(text)).toBe(false);
  });
});
