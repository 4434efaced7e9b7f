/**
 * Facts the offline engine reads from an employee's own words: urgency, the app and machine,
 * error text, and a one-line symptom for the ticket summary. Each rule is a plain pattern so
 * a wrong guess is easy to trace; anything not found is left out rather than invented.
 */
import type { Environment, Priority } from '../../domain/index.js';

export interface Urgency {
  priority: Priority;
  reason?: string;
}

const urgencyRules: { priority: Priority; pattern: RegExp }[] = [
  { priority: 'Low', pattern: /\bnot urgent\b|\bno rush\b|\bno hurry\b|急ぎません|急ぎではありません|急ぎではない/i },
  {
    priority: 'Highest',
    pattern:
      /\bblocked\b|\bproduction (?:is )?down\b|\bprod(?:uction)? (?:is )?down\b|\boutage\b|\bsystem(?:s)? (?:is |are )?down\b|本番.{0,4}(?:停止|ダウン|落ち)|業務(?:が)?(?:停止|止まっ)|全く仕事ができ/i,
  },
  {
    priority: 'High',
    pattern:
      /\burgent(?:ly)?\b|\basap\b|\bas soon as possible\b|\bwhole team\b|\bentire team\b|\ball of us\b|\beveryone\b|\bcan(?:'|’)?t work\b|\bcannot work\b|\bcan not work\b|\bunable to work\b|\bdeadline\b|大至急|至急|急ぎ|緊急|チーム全員|全員|仕事ができ(?:ない|ません)|業務ができ(?:ない|ません)/i,
  },
];

const priorityRank: Record<Priority, number> = { Low: 0, Medium: 1, High: 2, Highest: 3 };

export function detectUrgency(text: string): Urgency {
  for (const rule of urgencyRules) {
    const match = rule.pattern.exec(text.normalize('NFKC'));
    if (match) return { priority: rule.priority, reason: `mentions "${match[0]}"` };
  }
  return { priority: 'Medium' };
}

/** Urgency only rises during a conversation; "not urgent" counts only in the first message. */
function raiseUrgency(current: Urgency, text: string): Urgency {
  const next = detectUrgency(text);
  return priorityRank[next.priority] > priorityRank[current.priority] ? next : current;
}

/** A later message about the same problem: it fills environment gaps and can only raise the priority. */
export function absorbMessage<T extends { environment: Environment; priority: Priority; priorityReason?: string }>(
  problem: T,
  text: string,
): T {
  const urgency = raiseUrgency({ priority: problem.priority, reason: problem.priorityReason }, text);
  return {
    ...problem,
    environment: mergeEnvironment(problem.environment, text),
    priority: urgency.priority,
    ...(urgency.reason ? { priorityReason: urgency.reason } : {}),
  };
}

const apps: [string, RegExp][] = [
  ['Teams', /\bteams\b|チームズ/i],
  ['Outlook', /\boutlook\b|アウトルック/i],
  ['GlobalProtect', /\bglobal ?protect\b/i],
  ['Cisco AnyConnect', /\bany ?connect\b/i],
  ['Cisco Secure Client', /\bsecure client\b/i],
  ['Zoom', /\bzoom\b/i],
  ['Excel', /\bexcel\b/i],
  ['Word', /\b(?:ms |microsoft )word\b|\bWord\b/],
  ['PowerPoint', /\bpower ?point\b/i],
  ['OneDrive', /\bone ?drive\b/i],
  ['SharePoint', /\bshare ?point\b/i],
  ['Confluence', /\bconfluence\b/i],
  ['Jira', /\bjira\b/i],
  ['Slack', /\bslack\b/i],
  ['Chrome', /\bchrome\b/i],
  ['Edge', /\bmicrosoft edge\b|\bEdge\b/],
  ['Company Portal', /\bcompany portal\b|\bintune\b/i],
  ['Microsoft Authenticator', /\bauthenticator\b/i],
];

const systems: [string, RegExp][] = [
  ['Windows 11', /\bwindows ?11\b|\bwin ?11\b/i],
  ['Windows 10', /\bwindows ?10\b|\bwin ?10\b/i],
  ['Windows', /\bwindows\b|ウィンドウズ/i],
  ['macOS', /\bmac ?os\b|\bmacbook\b|\bimac\b|\bmac\b|マック/i],
  ['iPadOS', /\bipad\b/i],
  ['iOS', /\biphone\b|\bios\b/i],
  ['Android', /\bandroid\b|アンドロイド/i],
  ['Linux', /\blinux\b|\bubuntu\b/i],
];

const devices: [string, RegExp][] = [
  ['MacBook', /\bmacbook\b/i],
  ['laptop', /\blaptop\b|\bnotebook\b|ノートPC|ノートパソコン/i],
  ['desktop', /\bdesktop\b|デスクトップ/i],
  ['iPad', /\bipad\b/i],
  ['iPhone', /\biphone\b/i],
  ['phone', /\bphone\b|\bsmartphone\b|スマホ|スマートフォン|携帯/i],
  ['tablet', /\btablet\b|タブレット/i],
  ['PC', /\bpc\b|\bcomputer\b|パソコン/i],
];

const errorPatterns: RegExp[] = [
  /"([^"\n]{3,200})"/,
  /“([^”\n]{3,200})”/,
  /「([^」\n]{3,200})」/,
  /(?:error|エラー)(?:\s*(?:code|message|コード|メッセージ))?\s*[:：]\s*([^\n。]{3,160})/i,
  /\b(0x[0-9a-f]{6,8})\b/i,
  /\b([A-Z]{2,4}\d{3,6})\b/,
];

export function extractEnvironment(text: string): Environment {
  const t = text.normalize('NFKC');
  const env: Environment = {};
  const app = apps.find(([, p]) => p.test(t))?.[0];
  const os = systems.find(([, p]) => p.test(t))?.[0];
  const device = devices.find(([, p]) => p.test(t))?.[0];
  const errorText = errorPatterns.map((p) => p.exec(t)?.[1]?.trim()).find((e) => e !== undefined && e !== '');
  if (app) env.app = app;
  if (os) env.os = os;
  if (device) env.device = device;
  if (errorText) env.errorText = errorText;
  return env;
}

/** Known facts stay; later messages only fill gaps. */
function mergeEnvironment(known: Environment, text: string): Environment {
  return { ...extractEnvironment(text), ...stripUndefined(known) };
}

const greeting =
  /^(?:hi|hello|hey|dear it|good (?:morning|afternoon|evening)|help|please help|urgent|こんにちは|お疲れ様です|おつかれさまです|お世話になっております|すみません)(?![a-z])[\s,!:、。-]*/i;

/** Trailing asides that the ticket shows elsewhere: urgency, and the machine it happens on. */
const asides =
  /,?\s*(?:(?:it(?:'s| is) )?(?:urgent|asap|please help|help)!*)$|\s+(?:on|with|from) (?:my|the|our|a) (?:work |company |new |old )?(?:windows |mac |dell |hp |lenovo )?(?:laptop|pc|computer|desktop|macbook|mac|phone|iphone|ipad)\b/gi;

/** The first substantive sentence, without a greeting or asides, at most 100 characters. */
export function describeSymptom(text: string): string {
  const sentences = text
    .normalize('NFKC')
    .split(/(?<=[.!?。！？])\s*|\n+/)
    .map((s) =>
      s
        .replace(greeting, '')
        .replace(/[.!?。！？\s]+$/u, '')
        .replace(asides, '')
        .replace(asides, '')
        .trim(),
    )
    .filter((s) => s.length >= 2);
  const first = sentences[0] ?? text.trim();
  return first.length > 100 ? `${first.slice(0, 99).trimEnd()}…` : first;
}

function stripUndefined(env: Environment): Environment {
  return Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined)) as Environment;
}
