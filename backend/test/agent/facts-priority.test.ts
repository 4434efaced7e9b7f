import { describe, expect, it } from 'vitest';
import type { Priority, PriorityCause } from '../../src/domain/index.js';
import { assessConversation, assessPriority } from '../../src/agent/reading/priority.js';

type Row = [text: string, priority: Priority, cause?: PriorityCause];

const highest: Row[] = [
  ['email is down for the entire company, nobody in any office can send or receive', 'Highest', 'company_down'],
  ['The whole company lost internet about ten minutes ago', 'Highest', 'company_down'],
  ['SAP is down company-wide, finance and sales are both stuck', 'Highest', 'company_down'],
  ['nobody in the office can log in to anything this morning', 'Highest', 'company_down'],
  ['Wi-Fi is gone for everyone in the Osaka office', 'Highest', 'company_down'],
  ['all offices have lost the VPN since 8am', 'Highest', 'company_down'],
  ['production is down, customers cannot place orders', 'Highest', 'company_down'],
  ['the entire finance department can not work, the ERP will not load', 'Highest', 'department_down'],
  ['our whole department is at a standstill because the shared drive is gone', 'Highest', 'department_down'],
  ['全社でメールが送受信できません', 'Highest', 'company_down'],
  ['会社全体でTeamsにサインインできない状態です', 'Highest', 'company_down'],
  ['全拠点でVPNがつながりません', 'Highest', 'company_down'],
  ['社内全体でインターネットが使えません', 'Highest', 'company_down'],
  ['部署全体で業務が止まっています。基幹システムに入れません', 'Highest', 'department_down'],
  ['部門全員、仕事ができない状態です', 'Highest', 'department_down'],
];

const high: Row[] = [
  ['none of the 8 people in accounts payable can open the invoice app', 'High', 'team_blocked'],
  ['the whole team is locked out of Jira', 'High', 'team_blocked'],
  ['still the same. Our whole sales team has the same issue btw', 'High', 'team_blocked'],
  ['the entire support team gets the same error', 'High', 'team_blocked'],
  ['our marketing team cannot open the shared calendar either', 'High', 'team_blocked'],
  ['my team cannot reach the shared drive since this morning', 'High', 'team_blocked'],
  ['everyone on my floor gets the same certificate warning', 'High', 'team_blocked'],
  ['three of us are getting error 0x80070005 when printing', 'High', 'team_blocked'],
  ['several colleagues have the same problem with Outlook', 'High', 'team_blocked'],
  ["we can't open any Excel files from SharePoint", 'High', 'team_blocked'],
  ['my coworkers also see the blank screen in Teams', 'High', 'team_blocked'],
  ['5 users in the warehouse cannot scan', 'High', 'team_blocked'],
  ['everyone in the finance team gets a certificate error', 'High', 'team_blocked'],
  ['I have to submit the contract by 5pm today and SharePoint says access denied', 'High', 'deadline'],
  ['the report is due today and Excel keeps crashing', 'High', 'deadline'],
  ['need this working by noon, payroll export fails', 'High', 'deadline'],
  ['my deadline is today and the VPN will not connect', 'High', 'deadline'],
  ['we close the books at month end and the invoice app is broken', 'High', 'deadline'],
  ['I present to the board in 30 minutes and my laptop will not project', 'High', 'meeting'],
  ['CEO presentation starts in 40 minutes and the projector shows nothing', 'High', 'meeting'],
  ['I have a customer demo on Teams at 11 and the webcam is not detected', 'High', 'meeting'],
  ['client call in 10 mins and my headset mic is dead', 'High', 'meeting'],
  ['big meeting with a new client this afternoon and Zoom keeps freezing', 'High', 'meeting'],
  ['the boardroom screen is black', 'High', 'meeting'],
  ['Outlook will not open, it is urgent', 'High', 'asked_urgent'],
  ['please fix asap, my VPN drops all the time', 'High', 'asked_urgent'],
  ['can you mark it high priority', 'High', 'asked_urgent'],
  ['this is time-sensitive, the sales portal rejects my login', 'High', 'asked_urgent'],
  ['please have someone look at it right away', 'High', 'asked_urgent'],
  ['sure, but mark it urgent', 'High', 'asked_urgent'],
  ['営業部のメンバー全員、共有フォルダが開けません', 'High', 'team_blocked'],
  ['部署全員のPCから共有プリンターに印刷できません', 'High', 'team_blocked'],
  ['チーム全体で仕事が止まっています', 'High', 'team_blocked'],
  ['他の人も同じエラーが出ています', 'High', 'team_blocked'],
  ['うちの課の5人がログインできません', 'High', 'team_blocked'],
  ['本日締め切りの提出資料があるのに、プリンターが止まってしまいました', 'High', 'deadline'],
  ['今日中に提出しないといけないのにExcelが開けません', 'High', 'deadline'],
  ['17時までに請求書を送らないといけません', 'High', 'deadline'],
  ['あと30分で使うのに画面が映りません', 'High', 'deadline'],
  ['15時からの役員会議で使うPCがWi-Fiにつながりません', 'High', 'meeting'],
  ['午後の顧客提案資料が出せず困っています', 'High', 'meeting'],
  ['このあと取引先とのWeb会議があるのにカメラが映りません', 'High', 'meeting'],
  ['至急チケットを作ってください', 'High', 'asked_urgent'],
  ['はい、急ぎでお願いします', 'High', 'asked_urgent'],
  ['なるべく早く見てもらえますか', 'High', 'asked_urgent'],
  ['大至急対応をお願いします', 'High', 'asked_urgent'],
];

const low: Row[] = [
  ["the 'Z' key is a bit sticky. no rush at all, whenever someone has time", 'Low', 'asked_no_rush'],
  ["it's not urgent, but my second monitor flickers now and then", 'Low', 'asked_no_rush'],
  ['low priority: the dock sometimes needs a replug', 'Low', 'asked_no_rush'],
  ['whenever you get a chance, could someone look at my Outlook signature', 'Low', 'asked_no_rush'],
  ['not a big deal, it can wait until next week', 'Low', 'asked_no_rush'],
  ['the keyboard light is off, no hurry', 'Low', 'asked_no_rush'],
  ['急ぎではないので、時間がある時で大丈夫です', 'Low', 'asked_no_rush'],
  ['マウスのホイールが少し引っかかります。急ぎません', 'Low', 'asked_no_rush'],
  ['お手すきの際に見ていただければ大丈夫です', 'Low', 'asked_no_rush'],
  ['いつでも構いませんので、交換をお願いします', 'Low', 'asked_no_rush'],
];

const medium: Row[] = [
  ['Cisco VPN drops every 20 minutes when I work from home', 'Medium'],
  ['Teams crashes immediately when I share my screen, can you check', 'Medium'],
  ['my email client crashes during calls', 'Medium'],
  ["I can't receive external emails since this morning, internal ones are fine", 'Medium'],
  ["yes — add that I'm travelling to Osaka tomorrow morning", 'Medium'],
  ["Outlook shows 'Critical error' on start", 'Medium'],
  ['my screen is cut off on the external monitor', 'Medium'],
  ['the session expired and OneDrive sync stopped', 'Medium'],
  ['I started getting this error today after lunch', 'Medium'],
  ['Excel is slow, the deadline is next week so no big hurry yet', 'Low'],
  ['BSOD with CRITICAL_PROCESS_DIED on my Dell Latitude 5440', 'Medium'],
  ['Outlookの予定表が同期されず、会議の予定が反映されません', 'Medium'],
  ['パスワードの有効期限が切れていますと表示されます', 'Medium'],
  ['15時から急にWi-Fiが切れるようになりました', 'Medium'],
  ['全員に返信するとエラーになります', 'Medium'],
  ['みんなが使っている共有フォルダの名前を変えたい', 'Medium'],
  ['会議中に音声が途切れます', 'Medium'],
];

describe('priority from what the employee says', () => {
  it.each([...highest, ...high, ...low, ...medium])('"%s" → %s (%s)', (text, priority, cause) => {
    const assessed = assessPriority(text);
    expect(assessed.priority).toBe(priority);
    if (cause) expect(assessed.basis?.cause).toBe(cause);
  });

  it('has at least 60 rows in each language group combined', () => {
    expect(highest.length + high.length + low.length + medium.length).toBeGreaterThanOrEqual(80);
  });

  it('keeps the words that decided it, as the employee wrote them', () => {
    expect(assessPriority('The Whole Team cannot print').basis?.words).toBe('The Whole Team');
    expect(assessPriority("error 'URGENT: licence expired' on start").priority).toBe('Medium');
  });

  it('lets the latest word on urgency count, and a company outage outrank a "no rush"', () => {
    expect(
      assessConversation(['Outlook is broken, urgent!', 'actually no rush, I can use the web version']).priority,
    ).toBe('Low');
    expect(assessConversation(['not urgent', 'hmm, now it is urgent, my manager needs the file']).priority).toBe(
      'High',
    );
    expect(assessConversation(['no rush', 'oh wait, it is down for the entire company']).priority).toBe('Highest');
    expect(assessConversation(['my laptop is slow', 'and the whole team sees the same']).basis?.cause).toBe(
      'team_blocked',
    );
  });
});
