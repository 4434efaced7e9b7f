/**
 * Problems that are not IT's: the building and the office (facilities) and people matters (HR).
 * What counts (docs/conversations.md, "Kinds of conversation"):
 * - facilities: kitchen appliances (the coffee machine, a fridge), air conditioning, heating and
 *   the temperature of a room, lights, furniture, toilets and leaks, lifts and doors, door badges
 *   and keys, parking, cleaning;
 * - HR: payroll and payslips, overtime pay, leave and holidays, benefits, pensions, tax forms,
 *   contracts and reviews.
 * A message that also names something IT looks after ("the payroll portal won't let me sign in",
 * a laptop, an app, an error in a system) is IT's, so the employee is never sent away with an
 * IT problem. Weak words (a screen, a display, an error code) do not count: a coffee machine's
 * display showing "E5" is still the coffee machine.
 */
import { normalizeEnglish, scanPhrases } from './text-signals.js';

export type NotItArea = 'facilities' | 'hr';

export interface NotItReading {
  area: NotItArea;
  /** The words that decided it, for the logs. */
  words: string;
}

const facilitiesEn =
  /\b(?:coffee (?:machine|maker)|espresso machine|kettle|fridge|refrigerator|microwave|dishwasher|vending machine|water (?:cooler|dispenser|fountain)|ice machine|toaster|air ?con(?:ditioning|ditioner)?|aircon|a\/c|hvac|heating|heater|radiators?|thermostat|ventilation|(?:the|our) ac\b|^ac\b|ac (?:is|unit|in|on)\b|(?:ceiling|overhead|office|desk|room|hallway|corridor|kitchen|toilet|bathroom|stair(?:well|s)?) lights?|lights? (?:in|above|over|on) (?:the|my|our)|lights? bulbs?|bulbs?|lamps?|fluorescent|lights? (?:is|are|keeps?) (?:flickering|out|off|broken|buzzing)|chairs?|(?:standing|sit-stand|height-adjustable|adjustable) desk|desk (?:drawer|height|leg)|drawer|cabinet|locker|blinds|curtains?|carpet|toilets?|restrooms?|bathrooms?|loo|sink|faucet|water leak|leak(?:s|ing)? (?:from|in) the (?:ceiling|roof|pipe|toilet|kitchen)|leaking (?:ceiling|roof|pipe|tap|toilet)|plumbing|elevator|the lift|doors?|door (?:badge|card)|(?:access|building|entry|security|id|office|staff|employee) (?:badge|card|pass)|badges?|key ?fob|turnstile|office keys?|parking|car park|cleaning|cleaner|trash|rubbish|garbage|bins?|pests?|cockroach(?:es)?|(?:hot|cold|warm|chilly|stuffy|freezing|boiling|humid) (?:in|on) (?:here|the (?:office|room|floor|meeting room|building|kitchen)|our (?:office|floor|room))|ceiling|dripping|(?:it is|it's) (?:freezing|boiling|sweltering|too hot|too cold))\b/;

const hrEn =
  /\b(?:payroll|payday|pay day|payslips?|pay ?slips?|pay ?stubs?|pay ?checks?|salary|salaries|wages?|overtime(?: pay| hours)?|bonus(?:es)?|pay (?:rise|raise)|pension|401k|benefits|health insurance|dental (?:plan|insurance)|(?:parental|maternity|paternity|annual|sick|unpaid|bereavement|compassionate) leave|sick days?|leave (?:balance|request|days|allowance|entitlement|policy)|holiday (?:allowance|balance|entitlement|request|days)|vacation (?:days|balance|request|time)|paid time off|pto|time off|days? off|book (?:a |some |my )?(?:holiday|vacation|leave)|call(?:ing)? in sick|off sick|sick note|report(?:ing)? sick|(?:i am|feeling|felt|got|am) (?:sick|ill|unwell)(?! of)|sick today|tax (?:form|code|certificate|return)|w-?2|p60|p45|performance review|appraisal|promotion|employment (?:contract|letter|certificate)|my contract|notice period|resignation|human resources|hr department|the hr)\b/;

/** Things IT looks after: any of these makes the message IT's, whatever else it mentions. */
const itEn =
  /\b(?:computer|laptop|pc|notebook|macbook|desktop|keyboard|mouse|printer|printing|scanner|wi-?fi|network|internet|vpn|e-?mail|outlook|teams|zoom|webex|slack|apps?|application|software|program|system|portal|website|web ?site|browser|chrome|log ?in|log ?on|logon|login|sign ?in|sign-in|signin|password|account|locked out|pdf|excel|powerpoint|sharepoint|onedrive|shared drive|network drive|folder|download|upload|install|headset|webcam|microphone|bluetooth|usb|charger|dock|docking|projector|tv|screen ?share|button|crash(?:es|ed|ing)?|keeps freezing|frozen|server|database|jira|confluence|vm|citrix|remote desktop|recycle bin|mice|adapter|page|http|error \d{3,})\b/;

const facilitiesJa =
  /コーヒー(?:メーカー|マシン|サーバー|の機械)|給湯器|給湯室|ポット|冷蔵庫|電子レンジ|製氷機|自販機|自動販売機|ウォーターサーバー|空調|エアコン|冷房|暖房|ヒーター|換気|暑(?:すぎ|い|くて)|寒(?:すぎ|い|くて)|照明|電気が(?:つか|付か|点か|つき|付き|点き|消え|切れ|チカチカ)|蛍光灯|電球|ライト(?!モード)|椅子|イス|いす|机|(?<!ヘルプ|サービス)デスク(?!トップ)|引き出し|ロッカー|ブラインド|カーテン|トイレ|水漏れ|雨漏り|水道|蛇口|エレベーター|ドア|扉|カギ|入館証|入館カード|社員証|セキュリティカード|IDカード|カードキー|駐車場|駐輪場|清掃|掃除|ゴミ|ごみ|害虫|ネズミ|ゴキブリ|(?:オフィス|部屋|ロッカー|机|会議室|事務所|引き出し)の鍵|鍵を(?:なくし|紛失|忘れ|開け)/;

const hrJa =
  /給与|給料|残業代|残業時間|賞与|ボーナス|有給|有休|年休|休暇|産休|育休|介護休業|年末調整|源泉徴収|社会保険|健康保険|厚生年金|扶養|福利厚生|人事|労務|昇給|昇進|人事評価|評価面談|退職|雇用契約|在籍証明|交通費|通勤手当|住民税/;

const itJa =
  /パソコン|PC|ノート|画面共有|モニター|キーボード|マウス|プリンター|プリンタ|複合機|スキャナ|Wi-?Fi|ネットワーク|インターネット|ネット(?:に|が|ワーク)|VPN|メール|Outlook|Teams|Zoom|アプリ|ソフト|システム|ポータル|サイト|ページ|ブラウザ|ログイン|サインイン|パスワード|アカウント|ロックされ|PDF|Excel|エクセル|ファイル|フォルダ|ドライブ|ダウンロード|インストール|スマホ|携帯|iPhone|プロジェクター|USB|充電器|ケーブル|ドック|ヘッドセット|カメラ|マイク|Bluetooth|サーバー(?!から水)|共有フォルダ|クラッシュ|フリーズ/i;

/** Facilities or HR, when the message is about them and names nothing IT looks after. */
export function detectNotIt(text: string): NotItReading | undefined {
  if (namesItThing(text)) return undefined;
  const raw = text.normalize('NFKC');
  const en = normalizeEnglish(raw);
  return (
    matchOf('hr', hrJa.exec(raw)) ??
    matchOf('facilities', facilitiesJa.exec(raw)) ??
    matchOf('hr', hrEn.exec(en)) ??
    matchOf('facilities', facilitiesEn.exec(en))
  );
}

function matchOf(area: NotItArea, match: RegExpExecArray | null): NotItReading | undefined {
  return match ? { area, words: match[0] } : undefined;
}

const insistEnRaw =
  /\b(?:an? |the )?IT (?:thing|problem|issue|question|matter|job|one|request|fault)\b|\b(?:is|it's|its) (?:an? )?IT\b|\bfor IT\b/;
const insistEn =
  /\bnot (?:a |an )?(?:facilities|hr|building|payroll|office) (?:thing|problem|issue|question|matter)\b|\bnothing to do with (?:hr|facilities|payroll|the building)\b|\bit (?:is|really is) (?:an? )?(?:computer|system|software|app|tech|technical) (?:thing|problem|issue)\b|\b(?:it is|it really is) though\b|\byes it is\b|\bit is an it\b/;
const insistJa =
  /IT ?(?:の|に関する|関係の?)(?:問題|話|トラブル|不具合|案件|件)|IT ?関係|システムの(?:問題|不具合|トラブル)|(?:人事|総務|施設|設備)の(?:手続きの)?(?:話|問題|件)(?:では|じゃ)(?:なく|ない|ありません)/;

/** "It IS an IT thing though", 「ITの問題です」: the employee holds that a redirected problem is IT's. */
export function insistsItIsIt(text: string): boolean {
  const raw = text.normalize('NFKC');
  return insistJa.test(raw) || insistEnRaw.test(raw) || insistEn.test(normalizeEnglish(raw));
}

/** The message names something IT looks after (an app, a device, a sign-in, a system). */
export function namesItThing(text: string): boolean {
  // A room named after IT equipment is a place: "water next to the printer room".
  const raw = text
    .normalize('NFKC')
    .replace(/\b(?:printer|server|copy|copier|comms) rooms?\b|(?:サーバー|コピー|プリンター)室/gi, ' ');
  return itJa.test(raw.replace(/ウォーターサーバー/g, '')) || itEn.test(normalizeEnglish(raw));
}

const logItEn =
  /\b(?:log|file|raise|open|submit|record|report) (?:it|this|that|one|a ticket|the ticket)\b|\b(?:a|the) ticket\b/;
const logItJa = /チケット|起票|登録して|申請して/;

/**
 * "please log it", 「チケットお願いします」 said with the insistence: read alongside the reply
 * reader's own ticket requests, because "log it" after a redirect means an IT ticket.
 */
export function asksToLogIt(text: string): boolean {
  const raw = text.normalize('NFKC');
  if (/(?:チケット|起票)[^。]{0,8}(?:不要|いりません|要りません|いらない|しなくて|作らなくて|結構)/.test(raw))
    return false;
  return logItJa.test(raw) || scanPhrases(normalizeEnglish(raw), [logItEn]).affirmed;
}
