/**
 * How a sentence names a category's problem: "an email problem", "a VPN problem", 「メールの問題」.
 * The category names alone are labels ("Email", "IT issue") and do not take an article.
 */
import { CATEGORY_NAMES, type Category, type Language } from '../domain/index.js';

const EN: Partial<Record<Category, string>> = {
  teams: 'a Teams problem',
  email: 'an email problem',
  vpn: 'a VPN problem',
  network: 'a network problem',
  printer: 'a printer problem',
  account: 'an account or password problem',
  mfa: 'a sign-in verification (MFA) problem',
  hardware: 'a hardware problem',
  software: 'a software problem',
  performance: 'a performance problem',
  storage: 'a file storage problem',
  'audio-video': 'an audio or video problem',
  display: 'a display problem',
  access: 'an access problem',
  mobile: 'a mobile device problem',
  security: 'a security issue',
  other: 'an IT problem',
};

const JA: Partial<Record<Category, string>> = {
  mfa: '多要素認証（MFA）の問題',
  performance: '動作が遅い・重い問題',
  'audio-video': '音声・映像の問題',
  access: 'アクセス権の問題',
  security: 'セキュリティの問題',
  other: 'IT 関連の問題',
};

export function categoryPhrase(category: Category, language: Language): string {
  if (language === 'ja') return JA[category] ?? `${CATEGORY_NAMES.ja[category]}の問題`;
  const name = CATEGORY_NAMES.en[category];
  return EN[category] ?? `${/^[aeiou]/i.test(name) ? 'an' : 'a'} ${name.toLowerCase()} problem`;
}
