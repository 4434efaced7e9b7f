/**
 * What the employee reads for the kinds of conversation that are not a fault to troubleshoot
 * (docs/conversations.md, "Kinds of conversation"): a vague opener's clarifying question, a
 * problem that is not IT's, a request, and reporting guidance for a suspicious message nobody
 * acted on. English and Japanese; urgent security texts are in urgent-messages.ts.
 */
import type { Language } from '../domain/index.js';
import type { NumberedStep } from './messages.js';
import type { NotItArea } from './reading/not-it.js';
import type { RequestFields, RequestKind } from './reading/request.js';

/** Where non-IT problems go (FACILITIES_CONTACT, HR_CONTACT); unset means general words. */
export interface Contacts {
  facilities?: string | undefined;
  hr?: string | undefined;
}

/** The vague opener's choices; each carries the words it adds to the employee's description. */
export const VAGUE_CHOICES: Record<Language, { label: string; about: string }[]> = {
  en: [
    { label: 'Email or calendar', about: 'email' },
    { label: 'Teams or a meeting', about: 'Teams meeting' },
    { label: 'Wi-Fi, internet or VPN', about: 'network' },
    { label: 'Signing in or a password', about: 'sign-in' },
    { label: 'A printer', about: 'printer' },
    { label: 'My laptop or screen', about: 'laptop' },
    { label: 'Something else', about: '' },
  ],
  ja: [
    { label: 'メール・予定表', about: 'メール' },
    { label: 'Teams・会議', about: 'Teams 会議' },
    { label: 'Wi-Fi・ネット・VPN', about: 'ネットワーク' },
    { label: 'サインイン・パスワード', about: 'サインイン' },
    { label: 'プリンター', about: 'プリンター' },
    { label: 'パソコン・画面', about: 'パソコン' },
    { label: 'その他', about: '' },
  ],
};

/** The words of the request question, per language; `requestQuestion` puts them together. */
interface RequestCopy {
  fields: Record<keyof RequestFields, string>;
  accessExtra: string;
  installExtra: string;
  intro: string;
}

const REQUEST_COPY: Record<Language, RequestCopy> = {
  en: {
    fields: {
      forWhom: '- who it is for (you, or the person’s name)',
      approver: '- who approves it (usually your manager or the owner)',
      reason: '- the business reason',
    },
    accessExtra: '\n- if you know it: the exact name or link, and whether you need read or edit access',
    installExtra: '\n\n(If the app is in Company Portal, you can install it yourself right away.)',
    intro:
      "I can put in a request for that — it's a request rather than a fault, so there's nothing to troubleshoot. " +
      'So IT can grant it without coming back to you, could you tell me the following?',
  },
  ja: {
    fields: {
      forWhom: '- 対象の方（ご本人か、ほかの方の場合はお名前）',
      approver: '- 承認者（通常は上長または管理者）',
      reason: '- 業務上の理由',
    },
    accessExtra: '\n- 分かれば：対象の正確な名前またはリンクと、必要な権限（閲覧のみか編集か）',
    installExtra: '\n\n（ポータルサイトにあるアプリなら、ご自身ですぐにインストールできます。）',
    intro:
      'かしこまりました。不具合ではなく申請ですので、お試しいただく手順はありません。' +
      'IT が確認の連絡なしで対応できるよう、次の点を教えていただけますか？',
  },
};

function requestQuestion(copy: RequestCopy, kind: RequestKind, missing: (keyof RequestFields)[]): string {
  const asks = missing.map((field) => copy.fields[field]).join('\n');
  const extra =
    kind === 'access' || kind === 'app-access' ? copy.accessExtra : kind === 'install' ? copy.installExtra : '';
  return `${copy.intro}\n\n${asks}${extra}`;
}

export interface KindMessages {
  vagueQuestion(): string;
  /** After a choice: what exactly happens with it. */
  vagueFollowUp(label: string): string;
  /** After "something else" or a second vague message: an open question. */
  describeInOneSentence(): string;
  notIt(area: NotItArea, contacts: Contacts): string;
  /** The employee said it is IT's but named nothing IT looks after. */
  whatIsTheItPart(): string;
  notItReplies: string[];
  requestQuestion(kind: RequestKind, missing: (keyof RequestFields)[]): string;
  requestIntro(): string;
  requestCancelled(): string;
  reportGuidance(steps: NumberedStep[]): string;
  reportReplies: string[];
  reportThanks(): string;
}

const list = (steps: NumberedStep[]) => steps.map((s) => `${s.number}. ${s.text}`).join('\n');

const en: KindMessages = {
  vagueQuestion: () => "Sorry to hear that — let's sort it out. What is giving you trouble?",
  vagueFollowUp: (label) =>
    `Got it — ${label.toLowerCase()}. What happens exactly? An error message word for word, and since when, helps a lot.`,
  describeInOneSentence: () =>
    "Could you tell me in a sentence what isn't working? For example: which app or device, what you see (an error message word for word), and since when.",
  notIt: (area, contacts) =>
    area === 'facilities'
      ? "That isn't something IT looks after — problems with the building and the office go to facilities, so I won't open an IT ticket for it. " +
        (contacts.facilities
          ? `Please contact facilities: ${contacts.facilities}`
          : 'Please contact your facilities team (reception or the office manager can point you to them).') +
        "\n\nIf something IT looks after is involved after all (a computer, an app, your account), tell me what isn't working and I'll help."
      : "That's an HR matter rather than an IT one — payroll, leave and benefits are handled by HR, so I won't open an IT ticket for it. " +
        (contacts.hr ? `Please contact HR: ${contacts.hr}` : 'Please contact your HR team.') +
        "\n\nIf an IT system is the problem (you can't sign in, or an app shows an error), tell me what happens and I'll help.",
  whatIsTheItPart: () =>
    "Okay. What is the IT part — which app, device or account, and what happens (an error message word for word helps)? Then I'll take it from there.",
  notItReplies: ["It's an IT problem", 'Thanks'],
  requestQuestion: (kind, missing) => requestQuestion(REQUEST_COPY.en, kind, missing),
  requestIntro: () => "Thanks — that's what IT needs for the request.",
  requestCancelled: () => "Okay, I won't put in a request. If you need it later, just tell me here.",
  reportGuidance: (steps) =>
    "That looks like a phishing or scam message. If you haven't clicked anything, opened an attachment or replied, no harm is done — there's no ticket needed, just please:\n\n" +
    `${list(steps)}\n\n` +
    'If you did click a link, open an attachment or enter your password after all, tell me straight away and I will get IT on it at once.',
  reportReplies: ['I clicked a link', 'I opened an attachment', 'Thanks'],
  reportThanks: () =>
    "Thanks — reporting it with the report button is all that's needed, no ticket. If you did click or open anything, tell me straight away.",
};

const ja: KindMessages = {
  vagueQuestion: () => 'お困りですね。一緒に確認しましょう。どのようなことでお困りですか？',
  vagueFollowUp: (label) =>
    `「${label}」ですね。具体的にどのような状態ですか？表示されるエラーメッセージ（そのまま）や、いつからかを教えていただけると助かります。`,
  describeInOneSentence: () =>
    'うまくいかないことを一言で教えていただけますか？たとえば、どのアプリや機器で、何が表示されるか（エラーメッセージはそのまま）、いつからか、などです。',
  notIt: (area, contacts) =>
    area === 'facilities'
      ? 'こちらは IT の担当ではなく、建物・設備の担当部署が対応する内容のため、IT のチケットは作成しません。' +
        (contacts.facilities
          ? `お手数ですが、こちらにご連絡ください：${contacts.facilities}`
          : 'お手数ですが、総務・施設の担当部署（受付でも案内してもらえます）にご連絡ください。') +
        '\n\nパソコン・アプリ・アカウントなど IT に関わる問題があれば、何が起きているか教えてください。対応します。'
      : '給与・休暇・福利厚生などは IT ではなく人事の担当のため、IT のチケットは作成しません。' +
        (contacts.hr
          ? `お手数ですが、人事にお問い合わせください：${contacts.hr}`
          : 'お手数ですが、人事部にお問い合わせください。') +
        '\n\nシステムにサインインできない、アプリでエラーが出るなど IT の問題であれば、何が起きているか教えてください。対応します。',
  whatIsTheItPart: () =>
    '承知しました。IT に関わるのはどの部分でしょうか？どのアプリ・機器・アカウントで、何が起きているか（エラーメッセージはそのまま）を教えてください。',
  notItReplies: ['IT の問題です', 'ありがとうございます'],
  requestQuestion: (kind, missing) => requestQuestion(REQUEST_COPY.ja, kind, missing),
  requestIntro: () => 'ありがとうございます。申請に必要な内容がそろいました。',
  requestCancelled: () => 'かしこまりました。申請は出しません。必要になったら、いつでもここで教えてください。',
  reportGuidance: (steps) =>
    'フィッシングや詐欺のメッセージのようです。リンクのクリック、添付ファイルを開く、返信などをしていなければ被害はありません。チケットは不要ですので、次のことだけお願いします：\n\n' +
    `${list(steps)}\n\n` +
    'もしリンクをクリックした、添付ファイルを開いた、パスワードを入力したなどの場合は、すぐに教えてください。すぐに IT に対応してもらいます。',
  reportReplies: ['リンクをクリックしてしまいました', '添付ファイルを開いてしまいました', 'ありがとうございます'],
  reportThanks: () =>
    'ありがとうございます。報告ボタンで報告していただければ十分で、チケットは不要です。もしリンクをクリックしたり添付ファイルを開いたりしていた場合は、すぐに教えてください。',
};

export function kindMessagesFor(language: Language): KindMessages {
  return language === 'ja' ? ja : en;
}

/** The request details not given yet, in the order they are asked. */
export function missingFields(fields: RequestFields): (keyof RequestFields)[] {
  return (['forWhom', 'approver', 'reason'] as const).filter((f) => !fields[f]);
}
