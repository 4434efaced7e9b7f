/**
 * The employee's own requests about the ticket, in English and Japanese: a priority ("mark it
 * urgent", 「急ぎでお願いします」, "no rush"), a person ("can someone call me?"), and notes to add ("add
 * that I'm travelling tomorrow", 「内線は2345と追記してください」, "I sit at desk 4-112"). They go into
 * the case file as the employee's words and are applied to the ticket.
 */
import type { EmployeeAsks } from '../state.js';
import { isPersonRequest } from './requests.js';

export interface AsksReading {
  priority?: { level: 'High' | 'Low'; words: string };
  person: boolean;
  notes: string[];
}

/**
 * A priority asked of the ticket ("mark it urgent", "high priority please", 「急ぎでお願いします」). A
 * statement ("it's urgent", "no rush") is read by the priority rules from every message instead.
 */
const lowEn =
  /\b(?:mark|make|set|flag|treat|put)\s+(?:it|this|that|the ticket|the case)?\s*(?:as\s+|to\s+|down as\s+)?(?:low(?:\s+priority)?|not urgent|non-urgent)\b|\blow(?:est)? priority\b|\bpriority (?:can be |should be |is )?low\b/i;
const highEn =
  /\b(?:mark|make|set|flag|treat|label|tag|put)\s+(?:it|this|that|the ticket|the case)?\s*(?:as\s+|to\s+|down as\s+)?(?:an?\s+)?(?:urgent|high(?:\s+priority)?|top priority|critical|asap|priority|a priority)\b|\b(?:high|top|highest) priority\b|\bpriority (?:high|highest|urgent)\b|\bprioriti[sz]e (?:it|this)\b|\b(?:urgent(?:ly)?|asap|as soon as possible) (?:please|pls|plz)\b|\b(?:please|pls|plz) (?:make it |treat it as |handle it )?(?:urgent(?:ly)?|asap)\b|\brush (?:it|this)\b/i;
const lowJa =
  /優先度(?:は|を)?(?:低|下げ)|急ぎ(?:では|じゃ)?(?:ない|なく)(?:ので|て)?(?:いい|大丈夫|構いません|結構)|後回しで(?:いい|大丈夫|構いません)/;
const highJa =
  /(?:急ぎ|いそぎ|至急|大至急|早急|緊急|なるはや|最優先)(?:で|に)?(?:お願い|対応|処理|見て|やって|頼)|優先度(?:を|は)?(?:高|上げ)|(?:急ぎ|緊急|至急)(?:扱い|として)|できるだけ早く(?:お願い|対応)/;

/** Directives to add something to the ticket; the words after them are the note. */
const noteDirectiveEn =
  /\b(?:please\s+)?(?:add|note|mention|include|tell (?:them|itdept|it|the team|the tech)|let (?:them|it|the team|the tech) know|write|put (?:in|down)|state|remember)\b(?:\s+(?:that|this|it|in the ticket|to the ticket|on the ticket|in it|down|too|also|please|as well))*[\s:,]+(.{3,})$/i;
/** Contact and availability details, noted as said. */
const contactEn =
  /\b(?:call|reach|contact|ring|text|phone) me\b.*\d{3,}|\b(?:i am|i'm|im) (?:travelling|traveling|away|out of (?:the )?office|ooo|on leave|off|available|at my desk|working from home|wfh|in meetings|in the office|on site|onsite|flying)\b|\bi sit at\b|\bmy desk is\b|\bdesk\s*(?:no\.?\s*)?[a-z]?\d|\bext(?:ension)?\.?\s*\d|\bavailable (?:after|before|from|until|between|tomorrow|today)\b|\bcome by\b|\bafter \d{1,2}\s*(?:am|pm)?\b/i;
const noteDirectiveJa =
  /(?:と|って|ことを|ことも|旨を?|その旨も?|のも|も|を)?、?(?:その旨も?)?(?:追記|書いて|書き添え|伝えて|記載|入れて|添えて|含めて|メモ|記入|付け加え|書いといて|書いておいて|残して|お伝え)[^。！!？?]*$/;
const contactJa =
  /内線|電話番号|携帯|不在|出張|休み|在宅|席は|席にいます|\d{1,2}時(?:以降|から|まで|頃|ごろ)|連絡(?:は|先)|来ていただ|来てもら/;
const consentPrefix =
  /^(?:(?:yes|yeah|yep|sure|ok|okay|alright|please|pls|and|also|go ahead|do it|great|thanks|thank you|please do|one thing|oh|but)\b[\s,—–\-:;!.]*)+/i;
const consentPrefixJa =
  /^(?:(?:はい|ええ|うん|お願いします|おねがいします|お願い|了解です|わかりました|それと|あと|あ|では|じゃあ)[、。,.!！\s]*)+/;

function sentences(raw: string): string[] {
  return raw
    .split(/(?<=[。！!？?\n])|(?<=[.;])\s+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function priorityIn(raw: string): AsksReading['priority'] {
  for (const [pattern, level] of [
    [lowJa, 'Low'],
    [lowEn, 'Low'],
    [highJa, 'High'],
    [highEn, 'High'],
  ] as const) {
    const m = pattern.exec(raw);
    if (m) return { level, words: m[0].trim() };
  }
  return undefined;
}

function noteIn(sentence: string): string | undefined {
  if (/[\u3040-\u30ff\u4e00-\u9fff]/u.test(sentence)) {
    const body = sentence.replace(consentPrefixJa, '');
    if (noteDirectiveJa.test(body))
      return (
        body
          .replace(noteDirectiveJa, '')
          .replace(/[、,]$/, '')
          .trim() || undefined
      );
    return contactJa.test(body) ? body : undefined;
  }
  const marked = sentence.replace(/(?<![A-Za-z])I\.?T\.?(?![A-Za-z'’])/g, 'itdept');
  const directive = noteDirectiveEn.exec(marked.replace(consentPrefix, ''));
  if (directive?.[1] && !/^(?:urgent|high|priority|it urgent)\b/i.test(directive[1])) {
    return directive[1].replace(/itdept/g, 'IT').trim();
  }
  return contactEn.test(sentence) ? sentence.replace(consentPrefix, '').trim() || undefined : undefined;
}

/** What the message asks of the ticket. */
export function readAsks(text: string): AsksReading {
  const raw = text.normalize('NFKC').trim();
  const notes = sentences(raw).flatMap((s) => {
    const note = noteIn(s);
    return note && note.length >= 3 ? [note] : [];
  });
  const priority = priorityIn(raw);
  return { ...(priority ? { priority } : {}), person: isPersonRequest(raw), notes };
}

/** True when the message asks something of the ticket. */
export function hasAsks(reading: AsksReading): boolean {
  return reading.priority !== undefined || reading.person || reading.notes.length > 0;
}

/** The case file's asks with this message's added; the latest word on priority counts. */
export function mergeAsks(previous: EmployeeAsks | undefined, reading: AsksReading): EmployeeAsks | undefined {
  if (!hasAsks(reading)) return previous;
  const notes = [...(previous?.notes ?? [])];
  for (const note of reading.notes) if (!notes.includes(note)) notes.push(note);
  const priority = reading.priority ?? previous?.priority;
  const person = reading.person || previous?.person;
  return { notes, ...(priority ? { priority } : {}), ...(person ? { person: true } : {}) };
}
