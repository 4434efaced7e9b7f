/**
 * The opening of an offer for a problem IT has to handle at once: it says so plainly and gives
 * the immediate safe steps, so the employee does nothing that makes it worse while they wait.
 * For a security incident those steps are the first steps of its security playbook, in the
 * employee's language, so the chat never contradicts the playbook. Also the opening of a
 * request's offer.
 */
import type { Playbook } from '../knowledge/ports.js';
import type { Language } from '../domain/index.js';
import { kindMessagesFor } from './kind-messages.js';
import type { UrgentKind } from './reading/urgent-issue.js';
import type { OfferReason, Problem } from './state.js';

type Kind = UrgentKind | 'playbook';

/** How many of a security playbook's first steps the offer gives as "do this now". */
const IMMEDIATE_STEPS = 2;

const intro: Record<Language, Record<Kind, string>> = {
  en: {
    damage:
      "This sounds like physical damage, so please don't try to fix it yourself — IT has to handle it. For your safety: unplug the charger, switch the device off if you can do so safely, and don't turn it on again.",
    lost: 'A lost device has to be reported to IT straight away, so they can lock it and protect your account.',
    stolen:
      'A stolen device has to be reported to IT straight away, so they can lock or wipe it and protect your account.',
    security: 'This is a security incident, so IT has to act on it right away.',
    malware: 'This looks like malware, so IT has to act on it right away — please leave the computer to them.',
    playbook: 'This needs IT right away, so I will not walk you through troubleshooting.',
  },
  ja: {
    damage:
      '物理的な破損のようなので、ご自身で直そうとせず IT に対応を任せてください。安全のため、充電器を抜き、安全にできる場合は電源を切って、再び電源を入れないでください。',
    lost: '端末の紛失は、IT が端末をロックしてアカウントを守れるよう、すぐに報告が必要です。',
    stolen: '端末の盗難は、IT が端末をロックまたは消去してアカウントを守れるよう、すぐに報告が必要です。',
    security: 'セキュリティ上のインシデントのため、すぐに IT の対応が必要です。',
    malware: 'マルウェアの可能性があるため、すぐに IT の対応が必要です。パソコンの対処は IT に任せてください。',
    playbook: 'この件はすぐに IT の対応が必要なので、ご自身で試す手順はご案内しません。',
  },
};

const safety: Record<Language, (step: string) => string> = {
  en: (step) => `First, one thing to do now: ${step}`,
  ja: (step) => `まず、今すぐ次のことだけ行ってください：${step}`,
};

const doNow: Record<Language, string> = {
  en: 'Please do this now, and IT will take it from there:',
  ja: '今すぐ次のことを行ってください。その後は IT が対応します：',
};

function stepsOf(playbook: Playbook, language: Language): string[] {
  return language === 'ja' && playbook.stepsJa.length > 0 ? playbook.stepsJa : playbook.steps;
}

/**
 * The offer's opening. A security incident opens with its playbook's first steps; a playbook
 * marked `urgent_escalation` opens with its own first step (its safety step), in the employee's
 * language when it has one.
 */
export function urgentIntro(kind: Kind, language: Language, playbook: Playbook | undefined): string {
  const text = intro[language][kind];
  if (!playbook || kind === 'damage') return text;
  const steps = stepsOf(playbook, language);
  if (kind === 'playbook') return steps[0] ? `${text} ${safety[language](steps[0])}` : text;
  const now = steps.slice(0, IMMEDIATE_STEPS).map((step, i) => `${i + 1}. ${step}`);
  return now.length > 0 ? `${text} ${doNow[language]}\n\n${now.join('\n')}` : text;
}

/** The opening that replaces the offer's usual first sentence, if any. */
export function offerIntro(
  reason: OfferReason,
  problem: Problem,
  language: Language,
  playbook: Playbook | undefined,
): { intro?: string } {
  if (reason === 'urgent' && problem.urgent) return { intro: urgentIntro(problem.urgent, language, playbook) };
  if (problem.kind === 'request') return { intro: kindMessagesFor(language).requestIntro() };
  return {};
}
