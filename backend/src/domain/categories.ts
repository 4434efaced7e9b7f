/** The category taxonomy (DESIGN.md): slugs used as Jira labels, and their names per language. */
import type { Language } from './language.js';

export const CATEGORIES = [
  'teams',
  'email',
  'vpn',
  'network',
  'printer',
  'account',
  'mfa',
  'hardware',
  'software',
  'performance',
  'storage',
  'audio-video',
  'display',
  'access',
  'mobile',
  'other',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** What an employee or IT staff reads for a category, in the conversation's language. */
export const CATEGORY_NAMES: Record<Language, Record<Category, string>> = {
  en: {
    teams: 'Teams',
    email: 'Email',
    vpn: 'VPN',
    network: 'Network',
    printer: 'Printer',
    account: 'Account',
    mfa: 'MFA',
    hardware: 'Hardware',
    software: 'Software',
    performance: 'Performance',
    storage: 'Storage',
    'audio-video': 'Audio/video',
    display: 'Display',
    access: 'Access',
    mobile: 'Mobile',
    other: 'IT issue',
  },
  ja: {
    teams: 'Teams',
    email: 'メール',
    vpn: 'VPN',
    network: 'ネットワーク',
    printer: 'プリンター',
    account: 'アカウント',
    mfa: '多要素認証',
    hardware: 'ハードウェア',
    software: 'ソフトウェア',
    performance: '動作速度',
    storage: 'ストレージ',
    'audio-video': '音声・映像機器',
    display: '画面表示',
    access: 'アクセス権',
    mobile: 'モバイル端末',
    other: 'IT',
  },
};
