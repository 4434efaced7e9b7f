/**
 * Openers too vague to act on: "help", "it's broken again", "nothing works today",
 * "Hi, I have a problem with my computer", 「動かない」, 「パソコンの調子がおかしいです」.
 * A message is vague when, once greetings, fillers, generic devices ("my computer") and generic
 * trouble words ("broken", "not working", 困ってる) are taken away, nothing is left: no app, no
 * device part, no symptom. Anything specific ("Outlook crashes", 「動作が遅い」) is not vague.
 */
import { normalizeEnglish } from './text-signals.js';

const GENERIC_EN = new Set(
  (
    'hi hello hey yo hiya morning good afternoon evening there team guys folks all everyone sorry excuse ' +
    'please pls plz help helpdesk support assist assistance sos i im me my mine we our us you your can could would will ' +
    'do does did is are was were am be been being has have had having got get getting gets a an the this that these those ' +
    'it its something someone somebody anything everything nothing thing things stuff some any of on in at with to for from ' +
    'about again today now right still just really so very quite bit little kinda kind sort totally completely ugh argh ' +
    'sigh hmm um uh ok okay oh lol asap urgent urgently quick quickly question questions need needed want wanted ' +
    'problem problems issue issues trouble troubles broken broke break breaking wrong work works working worked not no ' +
    'never weird strange odd funny acting up messed mess screwed dead crashed fail failing failed stopped stop down ' +
    'glitchy buggy computer laptop pc machine device devices system equipment and or but here anymore any more keeps ' +
    'keep seems seem like what as well hope hoping wonder wondering if how should doing being acting going ' +
    'anyone right hlp halp doesnt dont wont isnt cant its im ive aint u ur ya yall thx thanks thank error errors'
  ).split(' '),
);

/** Removed from a Japanese message, longest first; what is left must be empty for the message to be vague. */
const GENERIC_JA = new RegExp(
  [
    'お世話になっております',
    'お疲れ様です',
    'おつかれさまです',
    'おはようございます',
    'こんにちは',
    'こんばんは',
    '恐れ入ります',
    '失礼します',
    'すみません',
    'すいません',
    'お願いします',
    'ください',
    '助けて(?:ください|下さい|ほしい)?',
    '困って(?:いて|います|いる|おります|まして|る)?',
    '困りました',
    '相談(?:があります|したい|です|させて)?',
    '質問(?:があります|です|したい)?',
    '問題(?:があります|が発生|です|が起き)?',
    'トラブル',
    '不具合',
    'ヘルプ',
    '調子',
    '具合',
    '様子',
    '状態',
    '動(?:かない|きません|かなく|作しない|作しません|いてない)',
    '使え(?:ない|ません|なく)',
    'でき(?:ない|ません|なく)',
    '壊れ(?:た|ました|てる|ている|ています|ちゃった)',
    'おかし(?:い|く)',
    '悪(?:い|く|かった)',
    '(?:うまく|上手く|うまいこと)(?:いか|行か|いき|行き|でき)(?:ない|なくて|なく|ません|ないです)?',
    'エラー(?:メッセージ)?',
    '(?:出|表示され)(?:ました|ます|て|る|た|ちゃった)',
    'ダメ',
    'だめ',
    'パソコン',
    'PC',
    'コンピューター',
    '端末',
    '会社',
    '私',
    'わたし',
    '自分',
    'あの[ー〜～]?',
    'えっと',
    'えーと',
    'ちょっと',
    '少し',
    'なんか',
    '何か',
    'なにか',
    '何も',
    'なにも',
    '全部',
    '全然',
    'すべて',
    '全て',
    'いろいろ',
    '色々',
    '今日',
    '今朝',
    'また',
    '急に',
    'なんです',
    'んですけど',
    'んですが',
    'のですが',
    'ですが',
    'けれど',
    'けど',
    'んです',
    'ました',
    'でした',
    'です',
    'ます',
    'なって',
    'なりました',
    'あり(?:ます|まして)',
    'あって',
    'みたい',
    'ようです',
    'っぽい',
    'らしい',
    'よろしい(?:でしょうか|ですか)',
    'いいですか',
    'ある',
    'います',
    'いる',
    'ので',
    '変',
    '[のがはをにでもとてたなよねかしわ]',
    '[…・ー〜～、。！？!?,.\\s]',
  ].join('|'),
  'g',
);

const MAX_WORDS = 16;

export function isVagueOpener(text: string): boolean {
  const raw = text.normalize('NFKC').trim();
  if (raw === '') return false;
  if (/[\u3040-\u30ff\u4e00-\u9fff]/u.test(raw)) {
    if (/[A-Za-z]{2,}/.test(raw.replace(/PC/g, ''))) return false;
    return raw.replace(GENERIC_JA, '') === '';
  }
  const words = normalizeEnglish(raw)
    .replace(/\bit is\b/g, 'it')
    .split(/[^a-z']+/)
    .map((w) => w.replace(/^'+|'+$/g, ''))
    .filter((w) => w !== '');
  return words.length > 0 && words.length <= MAX_WORDS && words.every((w) => GENERIC_EN.has(w));
}
