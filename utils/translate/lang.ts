/** Language tags as pages and detectors write them, normalised to what providers expect. */
import type { Lang } from './types';

/**
 * Old or three-letter codes that pages and detectors still use for the languages readers of Jernih meet most.
 * 'in' is the withdrawn ISO 639 code for Indonesian (Java locales, some og:locale values say "in_ID"); 'zsm' is
 * Standard Malay in ISO 639-3 (franc, Apertium's zlm is the macrolanguage).
 */
const ALIASES: Record<string, string> = {
  in: 'id', ind: 'id', may: 'ms', msa: 'ms', zsm: 'ms', zlm: 'ms', eng: 'en', jv: 'jv', jw: 'jv', jav: 'jv',
  iw: 'he', ji: 'yi', spa: 'es',
};

/**
 * 'id-ID', 'in_ID', 'EN-us' -> 'id', 'id', 'en'. Chinese keeps its script ('zh-Hant'), which decides the
 * writing system; every other region is dropped because providers ignore or reject it (Chrome ignores region
 * subtags, translation-api#68). Returns null for empty, 'und' or malformed values.
 */
export function normalizeLang(tag: string | null | undefined): Lang | null {
  if (!tag) return null;
  const parts = tag.trim().replace(/_/g, '-').split('-').filter(Boolean);
  const primary = parts[0]?.toLowerCase();
  if (!primary || !/^[a-z]{2,3}$/.test(primary) || primary === 'und' || primary === 'mul' || primary === 'zxx') return null;
  const base = ALIASES[primary] ?? primary;
  if (base === 'zh') {
    const script = parts.slice(1).find((p) => /^[a-z]{4}$/i.test(p));
    if (script) return `zh-${script[0].toUpperCase()}${script.slice(1).toLowerCase()}`;
    const region = parts.slice(1).find((p) => /^[a-z]{2}$/i.test(p))?.toUpperCase();
    if (region === 'TW' || region === 'HK' || region === 'MO') return 'zh-Hant';
  }
  return base;
}

/** The primary subtag alone ('zh-Hant' -> 'zh'). */
export function primaryLang(lang: Lang): string {
  return lang.split('-')[0];
}
