/**
 * satori's language codes: the `lang` a font may carry and the first argument of
 * `loadAdditionalAsset`. User fonts carry BCP 47 tags ("ar", "ja-JP", "zh-Hant"), mapped here.
 */

/** The codes satori 0.63 accepts as a font's `lang` (see its `language.ts`). */
export const SATORI_LOCALES = [
  'ja-JP',
  'ko-KR',
  'zh-CN',
  'zh-TW',
  'zh-HK',
  'th-TH',
  'bn-IN',
  'ar-AR',
  'ta-IN',
  'ml-IN',
  'he-IL',
  'te-IN',
  'devanagari',
  'kannada',
] as const;

/** One of satori's language codes. */
export type SatoriLocale = (typeof SATORI_LOCALES)[number];

/** Primary language subtags → satori code, for languages written in one of satori's scripts. */
const BY_LANGUAGE: Record<string, SatoriLocale> = {
  ja: 'ja-JP',
  ko: 'ko-KR',
  zh: 'zh-CN',
  th: 'th-TH',
  bn: 'bn-IN',
  as: 'bn-IN',
  ar: 'ar-AR',
  fa: 'ar-AR',
  ur: 'ar-AR',
  ps: 'ar-AR',
  sd: 'ar-AR',
  ug: 'ar-AR',
  ckb: 'ar-AR',
  ta: 'ta-IN',
  ml: 'ml-IN',
  he: 'he-IL',
  iw: 'he-IL',
  yi: 'he-IL',
  te: 'te-IN',
  hi: 'devanagari',
  mr: 'devanagari',
  ne: 'devanagari',
  sa: 'devanagari',
  kok: 'devanagari',
  mai: 'devanagari',
  kn: 'kannada',
};

/** ISO 15924 script subtags → satori code. */
const BY_SCRIPT: Record<string, SatoriLocale> = {
  Arab: 'ar-AR',
  Hebr: 'he-IL',
  Deva: 'devanagari',
  Thai: 'th-TH',
  Beng: 'bn-IN',
  Taml: 'ta-IN',
  Mlym: 'ml-IN',
  Telu: 'te-IN',
  Knda: 'kannada',
  Hang: 'ko-KR',
  Kore: 'ko-KR',
  Jpan: 'ja-JP',
  Hans: 'zh-CN',
  Hant: 'zh-TW',
};

/**
 * The satori code for a canonical BCP 47 tag, or undefined for languages satori needs no code for
 * (Latin, Cyrillic, Greek… fonts are plain fallbacks).
 */
export function satoriLocale(tag: string): SatoriLocale | undefined {
  const exact = SATORI_LOCALES.find((code) => code.toLowerCase() === tag.toLowerCase());
  if (exact) return exact;
  const locale = new Intl.Locale(tag);
  if (locale.language === 'zh') {
    if (locale.region === 'HK' || locale.region === 'MO') return 'zh-HK';
    if (locale.script === 'Hant' || locale.region === 'TW') return 'zh-TW';
    return 'zh-CN';
  }
  if (locale.script && BY_SCRIPT[locale.script]) return BY_SCRIPT[locale.script];
  return BY_LANGUAGE[locale.language];
}
