/**
 * Requests, told apart from faults: "I need access to the Finance drive", "could I get a Visio
 * licence?", "please install VS Code" ask IT to grant or provide something; "access denied on the
 * F: drive", "Visio says Unlicensed Product", "the install fails with 1603" report a fault.
 * A request needs a request verb (need, could I get, please install, ほしい, 申請したい) and no
 * sign of a fault (an error, a denial, a failure, something that used to work): one such sign
 * makes the message a fault, which gets troubleshooting steps as usual.
 */
import type { Category } from '../../domain/index.js';
import { normalizeEnglish } from './text-signals.js';

export type RequestKind = 'access' | 'app-access' | 'install' | 'licence' | 'equipment';

export interface RequestReading {
  kind: RequestKind;
  category: Category;
  /** The playbook the request is filed under (its "knowledge-base articles used"). */
  playbookId: string | undefined;
}

/** What IT needs before it can grant a request; `what` is in the opener itself. */
export interface RequestFields {
  forWhom: boolean;
  approver: boolean;
  reason: boolean;
}

const WANT =
  "(?:need|needs|needed|want|wants|would like|'d like|like to|require|requires|requesting|request|requested|get|getting|give|grant|have|set up|add|apply for|order|assign|provide|can i|could i|may i|please|pls|plz|can you|could you|can u|could u|can someone|is it possible)";

const requestEn: [RequestKind, RegExp][] = [
  [
    'app-access',
    new RegExp(
      `\\b${WANT}\\b.{0,40}\\b(?:access to|account (?:for|on|in)|role in|license for|licence for) (?:the |our |a )?(?:salesforce|workday|servicenow|github|gitlab|jira|confluence|tableau|power ?bi|sap|hubspot|figma|miro|slack|aws|azure)\\b`,
    ),
  ],
  [
    'access',
    new RegExp(
      `\\b${WANT}\\b.{0,50}\\b(?:ac+e?s+|permissions?|rights)\\b.{0,12}\\b(?:to|for|on|into)\\b|\\b(?:read|write|edit|view|owner|full|read-only|contributor|member) (?:access|permissions?|rights)\\b`,
    ),
  ],
  [
    'access',
    /\b(?:add|put) (?:me|him|her|them|[a-z]+) (?:to|into|on) (?:the |our |a )?\S+(?: \S+){0,3} (?:group|team|channel|distribution list|mailing list|dl|site|space|folder|mailbox)\b/,
  ],
  [
    'licence',
    new RegExp(
      `\\b${WANT}\\b.{0,40}\\b(?:licen[cs]es?|subscriptions?|seats?)\\b|\\b(?:licen[cs]es?|subscriptions?|seats?) (?:for|of) (?:me|my|a|an|the|new|our)\\b`,
    ),
  ],
  [
    'install',
    new RegExp(
      `\\b${WANT}\\b.{0,40}\\binstall(?:ed)?\\b|\\binstall(?:ed)? (?:\\S+ ){1,5}(?:on|onto|for) (?:my|our|the|his|her|a)\\b|\\b(?:need|want|would like|get) (?:\\S+ ){1,4}installed\\b|\\badmin(?:istrator)? rights to install\\b|\\b${WANT}\\b.{0,20}\\b(?:get|have|put) [\\w.+ -]{1,30} (?:on|onto) (?:my|our|the|his|her) (?:laptop|pc|computer|machine|mac|macbook)\\b`,
    ),
  ],
  [
    'equipment',
    new RegExp(
      `\\b${WANT}\\b.{0,20}\\b(?:a |an |new |second |another |extra |additional |replacement |bigger |spare )+(?:monitor|screen|keyboard|mouse|headset|headphones|webcam|docking station|dock|laptop|charger|adapter|phone|yubikey)s?\\b`,
    ),
  ],
];

/** Signs of a fault: any one makes an access, licence or install message a fault, not a request. */
const faultEn =
  /\b(?:denied|error|errors|no longer|any ?more|used to|lost (?:my )?access|suddenly|stopped|broken|not working|does not work|do not work|fail(?:s|ed|ing|ure)?|crash(?:es|ed|ing)?|again|removed|revoked|unlicensed|problem|problems|issue|issues|trouble|wrong|weird|strange|expired|activation|activate|reduced functionality|read-only mode|will not|won't|stuck|keeps|cannot be|could not be|not able to (?:open|see)|can not (?:open|see|get in|log|sign))\b/;

const requestJa: [RequestKind, RegExp][] = [
  [
    'licence',
    /ライセンス[^。]{0,12}(?:申請|ほしい|欲しい|が必要|必要です|を付与|付与して|割り当て|追加|購入|お願い|ください|もらえ|いただけ|発行)/,
  ],
  [
    'access',
    /(?:アクセス権|アクセス権限|権限|閲覧権|編集権)[^。]{0,12}(?:ほしい|欲しい|が必要|必要です|をください|ください|を付与|付与して|付けて|つけて|与えて|設定して|申請|追加|もらえ|いただけ|お願い)|アカウント(?:を)?(?:発行|作成|作って)(?:して)?(?:ほしい|ください|もらえ|いただけ)|アクセスできるように(?:して|したい|お願い)|(?:グループ|チーム|チャネル|メーリングリスト|配布リスト|サイト)に(?:追加|入れ)(?:して|てほしい|てください|をお願い|てもらえ|ていただけ)/,
  ],
  [
    'install',
    /インストール(?:して(?:ほしい|ください|もらえ|いただけ)|したい|をお願い|を依頼|お願い|希望|を申請)|(?:PC|パソコン)に[^。]{0,15}入れて(?:ほしい|ください|もらえ|いただけ)|[A-Za-z][\w .+-]*を入れて(?:ほしい|ください|もらえ|いただけ)|導入(?:したい|してほしい|をお願い|希望)|使えるように(?:して(?:ほしい|ください)|お願い)/,
  ],
  [
    'equipment',
    /(?:モニター|ディスプレイ|キーボード|マウス|ヘッドセット|ウェブカメラ|ドッキングステーション|充電器|ノートPC|パソコン)[^。]{0,10}(?:ほしい|欲しい|が必要です|を申請|申請したい|を貸して|を支給|を追加)/,
  ],
];

const faultJa =
  /エラー|拒否|失敗|使えなくな|見られなくな|見れなくな|できなくな|開けなくな|期限切れ|切れ(?:て|ました)|ライセンス認証|ライセンスがありません|ライセンスのない|認証され|落ちる|落ちま|固ま|動かな|表示され|出て(?:きて|しまい)|急に|また/;

const APP_ACCESS_PLAYBOOK = 'app-access-request';
const PLAYBOOKS: Record<RequestKind, { category: Category; playbookId: string | undefined }> = {
  access: { category: 'access', playbookId: 'access-request' },
  'app-access': { category: 'access', playbookId: APP_ACCESS_PLAYBOOK },
  licence: { category: 'software', playbookId: 'software-license' },
  install: { category: 'software', playbookId: 'software-install' },
  equipment: { category: 'hardware', playbookId: undefined },
};

/** A request for access, a licence, software or equipment; undefined for a fault or anything else. */
export function detectRequest(text: string): RequestReading | undefined {
  const raw = text.normalize('NFKC');
  let kind: RequestKind | undefined;
  if (/[\u3040-\u30ff\u4e00-\u9fff]/u.test(raw)) {
    if (faultJa.test(raw)) return undefined;
    kind = requestJa.find(([, p]) => p.test(raw))?.[0];
  }
  const en = normalizeEnglish(raw);
  if (faultEn.test(en)) return undefined;
  kind ??= requestEn.find(([, p]) => p.test(en))?.[0];
  return kind ? { kind, ...PLAYBOOKS[kind] } : undefined;
}

const forWhomEn =
  /\b(?:for (?:me|myself|my|him|her|them|the team|our team|a colleague)|myself|it is for|(?:her|his|their) name|my (?:laptop|pc|computer|machine)|(?:i|we) (?:need|want|would like|use)|can i|could i|may i|give me|add me|for us|starts? (?:on )?(?:monday|tuesday|wednesday|thursday|friday|next))\b/;
const approverEn =
  /\b(?:approv\w*|manager|boss|supervisor|team ?lead|lead|head of|director|signed off|sign-?off|ok(?:ed|'d)? by|owner)\b/;
const reasonEn =
  /\b(?:because|since|so (?:that|i|we)|in order to|reason|purpose|for (?:the |a |my |our |her |his )?(?:\S+ ){0,3}(?:project|work|review|report|reports|campaign|meeting|meetings|client|customer|analysis|budget|presentation|role|job|diagrams?|design|development|training|onboarding|planning|testing|banners?)|need (?:it|this|them|that) (?:to|for)|needed for|required for|business|to (?:draw|prepare|work|edit|review|automate|document|build|create|manage|analy[sz]e|check|read|update|process|handle|support|run|attend|join|present|write|design|develop|test|share|collaborate|do|see|open|access|make|track|plan|produce))\b/;

const forWhomJa =
  /自分|私|わたし|僕|本人|新入社員|中途入社|新しく(?:入|配属)|異動|メンバー|さん(?:用|の|が|に|です)|対象/;
const approverJa = /承認|上長|上司|部長|課長|マネージャー|リーダー|許可/;
const reasonJa = /ため|ので|必要|目的|理由|業務で|使う|使いたい|作成|編集|確認/;

/** Which of the request's details the employee has given so far. */
export function requestFields(text: string): RequestFields {
  const raw = text.normalize('NFKC');
  const en = normalizeEnglish(raw);
  return {
    forWhom: forWhomJa.test(raw) || forWhomEn.test(en) || /\bfor [A-Z][a-z]+ [A-Z][a-z]+\b/.test(raw),
    approver: approverJa.test(raw) || approverEn.test(en),
    reason: reasonJa.test(raw) || reasonEn.test(en),
  };
}

/** A bare "no" cancels only when the answer gives no detail ("no, it's for Tom" is an answer). */
const bareNoEn = /^(?:no|nope|nah)\b/;
const cancelEn =
  /^cancel\b|\b(?:never ?mind|forget it|do not bother|not needed|no need|cancel (?:it|that|the request)|do not need it|already (?:did|done|sorted|have|got|has))\b/;
const bareNoJa = /^(?:いいえ|いや)/;
const cancelJa =
  /^(?:キャンセル|結構です|大丈夫です|不要です)|もう(?:大丈夫|不要|いりません)|やっぱり(?:いい|結構|大丈夫|やめ|不要)|やめておきます|取り消/;

/** "never mind, my manager already did it", 「やっぱり大丈夫です」 in answer to the request's questions. */
export function cancelsRequest(text: string): boolean {
  const raw = text.normalize('NFKC').trim();
  const en = normalizeEnglish(raw);
  if (cancelJa.test(raw) || cancelEn.test(en)) return true;
  const fields = requestFields(raw);
  const hasDetail = fields.forWhom || fields.approver || fields.reason;
  return !hasDetail && (bareNoJa.test(raw) || bareNoEn.test(en));
}
