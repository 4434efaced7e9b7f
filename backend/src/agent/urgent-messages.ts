/**
 * The opening of an offer for a problem IT has to handle at once: it says so plainly and gives
 * at most one safety step, so the employee does nothing that makes it worse while they wait.
 */
import type { Playbook } from '../knowledge/ports.js';
import type { Language } from '../domain/index.js';
import type { UrgentKind } from './reading/urgent-issue.js';

type Kind = UrgentKind | 'playbook';

const intro: Record<Language, Record<Kind, string>> = {
  en: {
    damage:
      "This sounds like physical damage, so please don't try to fix it yourself — IT has to handle it. For your safety: unplug the charger, switch the device off if you can do so safely, and don't turn it on again.",
    lost: "A lost device has to be reported to IT straight away, so they can lock it and protect your account — there's nothing to troubleshoot here.",
    stolen:
      'A stolen device has to be reported to IT straight away, so they can lock or wipe it and protect your account. If it was stolen, also report it to the police.',
    security:
      "This is a security incident, so IT has to handle it right away — please don't try to fix it yourself. For now: disconnect the computer from the network (Wi-Fi off, cable out), don't shut it down, and don't enter your password anywhere again.",
    playbook: 'This needs IT right away, so I will not walk you through troubleshooting.',
  },
  ja: {
    damage:
      '物理的な破損のようなので、ご自身で直そうとせず IT に対応を任せてください。安全のため、充電器を抜き、安全にできる場合は電源を切って、再び電源を入れないでください。',
    lost: '端末の紛失は、IT が端末をロックしてアカウントを守れるよう、すぐに報告が必要です。ご自身で試す手順はありません。',
    stolen:
      '端末の盗難は、IT が端末をロックまたは消去してアカウントを守れるよう、すぐに報告が必要です。盗難の場合は警察にも届け出てください。',
    security:
      'セキュリティ上のインシデントなので、ご自身で対処せず、すぐに IT に対応を任せてください。今はパソコンをネットワークから切断し（Wi-Fi をオフ、LAN ケーブルを抜く）、電源は切らず、パスワードをどこにも入力しないでください。',
    playbook: 'この件はすぐに IT の対応が必要なので、ご自身で試す手順はご案内しません。',
  },
};

const safety: Record<Language, (step: string) => string> = {
  en: (step) => `First, one thing to do now: ${step}`,
  ja: (step) => `まず、今すぐ次のことだけ行ってください：${step}`,
};

/**
 * The offer's opening. A playbook marked `urgent_escalation` opens with its own first step (its
 * safety step: "do not click links", "tell IT now"), in the employee's language when it has one.
 */
export function urgentIntro(kind: Kind, language: Language, playbook: Playbook | undefined): string {
  const text = intro[language][kind];
  if (kind !== 'playbook' || !playbook) return text;
  const step = (language === 'ja' ? playbook.stepsJa[0] : undefined) ?? playbook.steps[0];
  return step ? `${text} ${safety[language](step)}` : text;
}
