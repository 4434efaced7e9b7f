/**
 * The phrase rules behind `priority.ts`, on lower-cased NFKC text with quoted phrases removed.
 * Each rule names its cause; the matched words become the ticket's stated reason, so a rule that
 * fires wrongly is easy to find from the ticket.
 */
import type { PriorityCause } from '../../domain/index.js';

export interface Rule {
  cause: PriorityCause;
  pattern: RegExp;
}

const NOT = "(?:n't|not|n't really|not really)";
const CANT = "(?:can't|cant|cannot|can not|couldn't|unable to|isn't able to|aren't able to|not able to)";
const NUM =
  '(?:\\d{1,4}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|fifty|a hundred)';
const PEOPLE = '(?:people|users|colleagues|co-?workers|staff|members|employees|team ?mates|agents|of us|persons)';
const DOWN =
  "(?:(?:is|are|went|has gone|have gone|'s|'re) (?:completely |totally )?(?:down|offline|out)|outage|" +
  `${CANT} (?:work|do any(?:thing| work)|function)|at a standstill|(?:is|are) (?:completely )?(?:stopped|blocked|halted)|` +
  // cut off from the network: "lost internet", "has no network"
  '(?:lost|(?:has|have) no|(?:is|are) (?:left )?without|(?:has|have) lost) (?:the |all |our |their )?(?:internet|network|connectivity|connection|wi-?fi|access))';

/** The employee's own "no rush": Low. Checked (and removed) before anything else. */
export const noRush: Rule[] = [
  {
    cause: 'asked_no_rush',
    pattern: new RegExp(
      [
        '\\bno (?:big |real |great |particular |huge )?(?:rush|hurry|urgency|pressure|panic)\\b',
        `\\b(?:it'?s|its|it is|this is|this's|that'?s|is|was|it)? ?${NOT} (?:urgent|an? (?:urgent|big|huge|real) (?:thing|issue|deal)|a priority|critical|an emergency|time[- ]sensitive|pressing|a rush|in a (?:rush|hurry)|blocking(?: me| us| my work| anything)?)\\b`,
        "\\b(?:isn't|is not|not) (?:super |very |that |too )?urgent\\b",
        '\\blow(?:est)? priority\\b|\\bpriority (?:is )?low\\b',
        "\\bwhen(?:ever)? (?:you|someone|somebody|anyone|it|you guys|it guys|the team|IT)(?:'re| are| is|'s)? ?(?:\\w+ ){0,3}(?:have|has|get|gets|got|are|is|find) (?:the |some )?(?:time|a (?:moment|minute|sec|second|chance)|free|convenient|available|around to it)\\b",
        "\\bat (?:your|their|its|the team's) (?:convenience|leisure)\\b",
        "\\bwhen(?:ever)? (?:it(?:'s| is) )?convenient\\b",
        '\\b(?:no|not a) big deal\\b',
        '\\b(?:it|this|that) can wait\\b|\\bcan wait (?:until|till|a (?:bit|few days|while|week))\\b',
        '\\bin (?:your|their) own time\\b',
        '\\bwhenever (?:works|is fine|suits)\\b',
        '\\bnice to have\\b',
        '\\bno need to (?:hurry|rush)\\b',
        '\\bnot in a (?:hurry|rush)\\b',
        '急ぎ(?:では|じゃ)(?:ない|なく|ありません|ないです)|急ぎません|急ぎの(?:件|用事|もの)ではない|急いで(?:い)?(?:ない|ません)|急がない|急がなくて|至急では(?:ない|ありません)|緊急(?:では|じゃ)(?:ない|ありません)|緊急性は(?:低|ない|ありません)',
        '優先度は低|優先度(?:が|を)?低[くめい]',
        '時間(?:が|の)(?:ある|あいた|空いた)(?:時|とき|際|ときに|ので)',
        'お手(?:すき|隙)の?(?:際|時|とき)|手(?:が|の)(?:空いた|あいた|空いている)(?:時|とき|際|ら)',
        'いつでも(?:大丈夫|構いません|かまいません|いい|良い|OK|ok|結構)',
        'ゆっくりで|後回しで(?:大丈夫|構いません|いい)|気長に待|大したこと(?:は)?(?:ない|ありません)|困って(?:は)?(?:いない|いません)|支障は(?:ない|ありません)',
      ].join('|'),
    ),
  },
];

/** The whole company (or an office, a site, production) down: Highest. */
export const companyDown: Rule[] = [
  {
    cause: 'company_down',
    pattern: new RegExp(
      [
        '\\b(?:the )?(?:entire|whole) (?:company|organi[sz]ation|org|business|firm|office|building|site|campus|branch|network)\\b',
        '\\b(?:company|org|organi[sz]ation|office|business|enterprise)[- ]wide\\b',
        '\\b(?:every(?:one|body)|all (?:staff|employees|users)|no ?(?:one|body)|no-one) (?:in|at|across|from) (?:the |our |this |any |all |every )?(?:[a-z][\\w-]* )?(?:company|office|offices|building|org|organi[sz]ation|sites|branches|locations|firm)\\b',
        '\\b(?:all|every) (?:of (?:our|the) )?(?:offices|sites|branches|locations)\\b',
        '\\b(?:all|every) (?:staff|employees)\\b',
        `\\b(?:production|prod|the (?:erp|crm|main system|website|intranet|whole system)|all systems|(?:all|every) (?:the )?(?:servers|systems)) ${DOWN}`,
        '全社|会社全体|会社中|会社の(?:全員|みんな|皆)|全拠点|全事業所|全支社|全店舗|全社員|社員全員|社内(?:全体|全員|の全員|のみんな|中)|オフィス全体|事務所全体|ビル全体|フロア全体|本番(?:環境|システム)?(?:が|は)?(?:停止|ダウン|落ち|止ま)|全システム',
      ].join('|'),
    ),
  },
];

/** A whole department that cannot work: Highest. A department merely affected is a team (High). */
export const departmentDown: Rule[] = [
  {
    cause: 'department_down',
    pattern: new RegExp(
      [
        `\\b(?:the )?(?:whole|entire|all of (?:the|our|my)) (?:[\\w&-]+ ){0,3}(?:department|dept|division|unit)\\b[^.!?]{0,40}(?:${DOWN}|\\bdown\\b)`,
        `\\b(?:every(?:one|body)|no ?one|nobody) (?:in|from|across) (?:the|our|my) (?:department|dept|division)\\b[^.!?]{0,20}(?:${CANT} (?:work|do any(?:thing| work))|\\bdown\\b|at a standstill)`,
        '(?:部署|部門|部内|課内)(?:全体|全員|の全員|のみんな|中)?[^。]{0,20}(?:業務|仕事)[^。]{0,4}(?:止ま|停止|ストップ|できな|できませ|になりませ|にならな|が回らな|回りませ)',
      ].join('|'),
    ),
  },
];

/** The employee asks for urgency: High (unless they say no rush later). */
export const urgentAsk: Rule[] = [
  {
    cause: 'asked_urgent',
    pattern: new RegExp(
      [
        '\\burgent(?:ly)?\\b|\\burgency\\b|\\basap\\b|\\ba\\.s\\.a\\.p\\b|\\bas soon as (?:possible|you can|you could|someone can)\\b',
        '\\b(?:high(?:est)?|top|max(?:imum)?) priority\\b|\\bpriority (?:is )?(?:high|highest|1|one)\\b|\\bprioriti[sz]e\\b|\\bp1\\b',
        "\\b(?:it'?s|this is|is) (?:super |really |very |extremely )?(?:critical|an emergency|time[- ]critical|time[- ]sensitive)\\b",
        '\\b(?:business|mission|time)[- ]critical\\b|\\bemergency\\b|\\btime[- ]sensitive\\b',
        '\\b(?:please |pls |plz )?hurry\\b|\\bquick(?:ly)? as (?:you can|possible)\\b|\\bas fast as (?:you can|possible)\\b',
        "\\b(?:please|pls|plz|can you|could you|can someone|could someone|need (?:someone|somebody|you|it|this|them)|want (?:someone|it|this))\\s+(?:[\\w']+\\s+){0,2}?(?:look|check|fix|help|come|send|call|sort|handle|get|have|deal|escalate|investigate|see|reset|replace|swap|unlock)\\b(?:\\s+(?!why|what|if|whether|when|how)[\\w']+){0,4}?\\s+(?:right away|straight away|immediately|urgently|quickly|today)\\b",
        '\\bneed (?:it|this|them)(?: (?:fixed|working|back|sorted|done))? (?:right )?now\\b',
        "\\bcan'?t wait\\b|\\bescalate\\b|\\bdesperate(?:ly)?\\b|\\bfix (?:it |this )?(?:fast|quick|now)\\b",
        '大至急|至急|緊急|急ぎ|急いで|早急|早めに|なるべく(?:早|はや)く|できるだけ(?:早|はや)く|できる限り(?:早|はや)く|一刻も早く|今すぐ|すぐに(?:対応|見て|来て|お願い|直して|何とか|なんとか)|すぐ(?:対応|見て|来て)|最優先|優先度(?:を)?(?:上げ|高)|優先して|急を要',
      ].join('|'),
    ),
  },
];

// "review", "session", "sync" are left out: "session expired" and "OneDrive sync" are not meetings.
const MEETING =
  '(?:meeting|call|demo|presentation|pitch|visit|workshop|webinar|briefing|interview|proposal|deck|deliverable|conference|negotiation|kick-?off|all-hands)s?';
// "client" after an app name is software ("email client"), not a customer.
const VIP =
  '(?:customers?|(?<!(?:email|mail|vpn|desktop|web|secure|sync|teams|outlook|zoom|citrix|rdp|remote|thin|ftp|sap|windows|mac|java|the vpn) )clients?|prospects?|investors?|board|ceo|cfo|cto|coo|cio|ciso|execs?|executives?|vps?|svp|evp|president|chairman|directors?|leadership|senior management|managing director|the boss|my boss|c-level|c-suite)';
const JA_VIP =
  '(?:顧客|お客様|お客さま|お客さん|客先|取引先|クライアント|得意先|役員|社長|会長|専務|常務|取締役|経営陣|経営層|重役|幹部|本部長|事業部長|ceo|cfo|cto|vip)';
const JA_MEETING =
  '(?:会議|打ち合わせ|打合せ|ミーティング|mtg|商談|プレゼン|デモ|訪問|来社|来訪|面談|説明会|提案|報告会|発表|ウェビナー|オンライン会議|web会議|会食|面接|コンペ)';
const SOON = '(?:\\d+|a few|an|one|two|three|half an) (?:mins?|minutes|hours?|hrs?)';
const JA_FAILING =
  '(?:ない|なく|ません|できず|止ま|停止|エラー|落ち|困|影響|同じ|使えず|出ず|ダメ|だめ|不具合|つながらず)';

const teamBlocked: Rule = {
  cause: 'team_blocked',
  pattern: new RegExp(
    [
      // "the whole team", "our entire sales team": a name may stand before the group.
      '\\b(?:the )?(?:whole|entire) (?:[a-z][\\w&-]* )?(?:team|department|dept|division|floor|unit|group|project|squad|class)\\b',
      `\\b(?:all|none|several|many|most|half|some|both) of (?:us|my team|our team|the team|my colleagues|my coworkers|the (?:${NUM} )?${PEOPLE}|the people)\\b`,
      '\\b(?:every(?:one|body)|no ?(?:one|body)|no-one) (?:on|in|from|at) (?:my|our|the) (?:[a-z][\\w-]* )?(?:team|department|dept|floor|group|unit|division|section)\\b',
      "\\b(?:every(?:one|body)) (?:here|else|around me|on the call)\\b|\\b(?:everyone|everybody) (?:is|has|gets|keeps|can'?t|cannot|can not|seems)\\b",
      `\\b(?:my|our|the) (?:whole |entire )?(?:[a-z][\\w&-]* )?(?:team|department|dept|colleagues|co-?workers|team ?mates|group)(?: members)? (?:${CANT}|are all|all|are also|also|too|have|has|are having|is having|are getting|is getting|are stuck|is stuck|are blocked|is blocked|are locked|is locked|lost|keep|are affected|is affected|are seeing|see)\\b`,
      `\\b${NUM} (?:of (?:us|my colleagues|the team)|${PEOPLE})\\b`,
      `\\b(?:a few|several|multiple|many|lots of|a lot of|a bunch of|a couple of) ${PEOPLE}\\b`,
      '\\b(?:colleagues?|co-?workers?|team ?mates?|others) (?:also|too|as well|have the same|are having the same|see the same|get the same)\\b',
      '\\b(?:same|also) (?:for|happening to|affects?|affecting) (?:my |our |other |all |the )?(?:colleagues|coworkers|co-workers|team|others|everyone|people)\\b',
      `\\bwe (?:all )?(?:${CANT}|are (?:all )?(?:stuck|blocked|locked out|unable|down|offline)|'re (?:all )?(?:stuck|blocked|locked out|unable|down|offline)|all have|have all|lost|have lost|have no)\\b`,
      `(?:チーム(?:全員|全体|の全員|のみんな|メンバー全員|のメンバー全員|中)|メンバー全員|部署(?:全員|全体|の全員|のみんな|の人全員|内)|部門(?:全体|全員)|部内|課(?:の)?(?:全員|全体)|課員全員|(?<![にへ])全員(?!に返信|へ返信|返信|に送)|みんな|複数(?:人|名|の(?:人|社員|メンバー|ユーザー|ユーザ|部署))|何人(?:か|も)|数人|(?:他|ほか)の(?:人|メンバー|社員|方)(?:も|たち)|同僚(?:も|たち|全員)|周り(?:の人)?も|隣の(?:席の)?人も|私たち|私達|僕たち|うちの(?:チーム|部署|課)|(?:[2-9]|\\d{2,})\\s?(?:人|名))(?=[^。]{0,60}${JA_FAILING})`,
    ].join('|'),
  ),
};

const meeting: Rule = {
  cause: 'meeting',
  pattern: new RegExp(
    [
      `\\b${VIP}\\b[^.!?]{0,30}\\b${MEETING}\\b`,
      `\\b(?:meeting|call|demo|presentation|pitch|presenting|present|visit|briefing|proposal)\\b[^.!?]{0,30}\\b(?:with|to|for|in front of) (?:a |an |the |our |my |some |two |three )?(?:important |key |big |new |potential |external )?${VIP}\\b`,
      '\\bboard ?room\\b|\\bboard meeting\\b|\\ball[- ]hands\\b|\\btown ?hall\\b',
      `${JA_VIP}[^。]{0,15}${JA_MEETING}`,
      `${JA_MEETING}[^。]{0,10}${JA_VIP}`,
      '役員会|取締役会|経営会議|株主総会|全社会議',
    ].join('|'),
  ),
};

const deadline: Rule = {
  cause: 'deadline',
  pattern: new RegExp(
    [
      "\\bby (?:today|tonight|noon|midday|lunch(?:time)?|end of (?:the )?day|eod|cob|close of business|this (?:afternoon|evening|morning)|(?:\\d{1,2}(?::\\d{2})? ?(?:am|pm|h|o'clock)|\\d{1,2}:\\d{2})(?: today| tonight| this (?:afternoon|evening))?|\\d{1,2} (?:today|tonight|this (?:afternoon|evening)))",
      '\\b(?:before|until|till) (?:noon|midday|lunch|end of (?:the )?day|eod|close of business|\\d{1,2}(?::\\d{2})? ?(?:am|pm)|\\d{1,2}:\\d{2})(?! (?:yesterday|last))',
      `\\b(?:due|deadline|submit|submission|deliver|finish|present|presenting|hand in|publish|launch|go-live|go live)\\b[^.!?]{0,40}\\b(?:today|tonight|this (?:afternoon|morning|evening)|in ${SOON})\\b`,
      `\\b(?:today|tonight)'?s? deadline\\b|\\bdeadline (?:is |of )?(?:today|tonight|this (?:afternoon|evening))\\b|\\bdue (?:today|tonight|this (?:afternoon|evening)|in ${SOON})\\b`,
      '\\bdeadline\\b(?![^.!?]{0,30}\\b(?:tomorrow|next|friday|monday|tuesday|wednesday|thursday|saturday|sunday|weekend|week|month|passed|was)\\b)',
      '\\b(?:month|quarter|year)[- ]end\\b|\\bend of (?:the )?(?:month|quarter|fiscal year)\\b|\\bpayroll (?:run|day|cut-?off)\\b',
      `\\b(?:in|within) (?:the next )?${SOON}\\b[^.!?]{0,30}\\b${MEETING}\\b`,
      `\\b(?:need|needs|needed|have to|has to|must)\\b[^.!?]{0,40}\\bin ${SOON}\\b`,
      `\\b${MEETING}\\b[^.!?]{0,30}\\b(?:today|tonight|this (?:afternoon|morning|evening)|at \\d{1,2}(?::\\d{2})?(?: ?(?:am|pm))?|in ${SOON})\\b`,
      `\\b(?:today|this (?:afternoon|morning))\\b[^.!?]{0,20}\\b${MEETING}\\b`,
      '\\b(?:need|needs|have to|has to|must|got to|gotta)\\b[^.!?]{0,40}\\b(?:today|tonight|this (?:afternoon|morning)|before (?:noon|lunch|\\d))\\b',
      '本日中|今日中|(?:本日|今日)(?:が|は)?(?:締め?切り?|〆切|期限|提出|納期)|(?:本日|今日)(?:締め?切り?|〆切|提出|納品|納期|公開|リリース)|締め?切り?(?:が|は)?(?:本日|今日|もうすぐ|迫|間近|直前)|〆切(?:が|は)?(?:本日|今日|迫)|(?:本日|今日)(?:まで|中に)|(?:本日|今日)の?(?:\\d{1,2}時|正午|昼|午後|夕方|夜|夕|午前)(?:まで|の(?:会議|打ち合わせ|商談|プレゼン|提出|締め切り|〆切|便|フライト))',
      '\\d{1,2}(?:時|:\\d{2})(?:\\d{1,2}分)?まで(?:に)?|正午まで|(?:お)?昼(?:まで|前)に|午前中(?:に|まで)|夕方まで|定時まで|終業まで|あと\\d+(?:分|時間)|\\d+(?:分|時間)後に?(?:は)?[^。]{0,10}(?:会議|打ち合わせ|商談|プレゼン|始ま|使|必要|提出|開始|本番)|この(?:あと|後)(?:すぐ)?[^。]{0,8}(?:会議|打ち合わせ|商談|プレゼン|使|必要|提出)',
      '(?<![先前])(?:月末|期末|年度末)(?!から|以降)|締め(?:日|作業|処理)|締切|締め切り|〆切|納期',
      `\\d{1,2}時(?:\\d{1,2}分)?(?:から|より|開始)の?[^。]{0,10}${JA_MEETING}`,
    ].join('|'),
  ),
};

/** What raises the priority to High from the content: a team blocked, a meeting, a deadline. */
export const contentHigh: Rule[] = [teamBlocked, meeting, deadline];
