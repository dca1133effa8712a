/**
 * The article's source language: what the page declares, else what a detector says; the reader can always
 * override it (the UI's job). Detectors are injected adapters over `browser.i18n.detectLanguage` (CLD, ships
 * with Chrome and Firefox) and Chrome's `LanguageDetector` (only when already downloaded: detection alone never
 * starts a download). notes/translation.md §3.
 *
 * Indonesian vs Malay: the two are close enough that detectors confuse them on short text; only CLD3-class
 * detectors told them apart, and only on paragraph-length text (≥ ~500 characters). A detected id or ms is
 * therefore marked `uncertain` unless the text is long and the detector confident, so the UI shows the
 * override prominently. Chrome's Translator has Indonesian but no Malay.
 */
import { normalizeLang } from './lang';
import type { Lang } from './types';

export interface DetectedLanguage {
  lang: Lang;
  /** 0..1 */
  confidence: number;
}

/** A language detector: candidates, best first. */
export type Detector = (text: string) => Promise<DetectedLanguage[]>;

/** `browser.i18n.detectLanguage` result shape (MDN). */
export interface I18nDetectResult {
  isReliable: boolean;
  languages: { language: string; percentage: number }[];
}

export function detectorFromI18n(detectLanguage: (text: string) => Promise<I18nDetectResult>): Detector {
  return async (text) => {
    const r = await detectLanguage(text);
    // An unreliable answer is kept but discounted, so a declared language or a better detector wins.
    const scale = r.isReliable ? 1 : 0.5;
    return r.languages
      .map((l) => ({ lang: normalizeLang(l.language), confidence: (l.percentage / 100) * scale }))
      .filter((l): l is DetectedLanguage => !!l.lang)
      .sort((a, b) => b.confidence - a.confidence);
  };
}

/** The parts of Chrome's LanguageDetector IDL used here. */
export interface LanguageDetectorStatic {
  availability(options?: { expectedInputLanguages?: string[] }): Promise<string>;
  create(options?: { expectedInputLanguages?: string[]; signal?: AbortSignal }): Promise<{
    detect(text: string, options?: { signal?: AbortSignal }): Promise<{ detectedLanguage: string | null; confidence: number }[]>;
  }>;
}

export function detectorFromLanguageDetector(api: LanguageDetectorStatic): Detector {
  let instance: ReturnType<LanguageDetectorStatic['create']> | undefined;
  return async (text) => {
    // Don't trigger a model download just to detect: without it, this detector has no opinion.
    if (!instance) {
      if ((await api.availability()) !== 'available') return [];
      instance = api.create();
      instance.catch(() => (instance = undefined));
    }
    const results = await (await instance).detect(text);
    return results
      .map((r) => ({ lang: normalizeLang(r.detectedLanguage), confidence: r.confidence }))
      .filter((l): l is DetectedLanguage => !!l.lang);
  };
}

export interface SourceLanguage {
  /** null when nothing could tell: the UI asks the reader. */
  lang: Lang | null;
  via: 'page' | 'detector' | 'none';
  confidence: number;
  /** Indonesian/Malay (or another close pair) that the evidence cannot separate: show the override. */
  uncertain: boolean;
  /** The other language it might be, when uncertain. */
  alternative?: Lang;
}

export interface DetectSourceOptions {
  /** What the page says, most trusted first: <html lang>, og:locale, Content-Language. */
  declared?: readonly (string | null | undefined)[];
  /** The article's text (the whole body: detection needs length). */
  text: string;
  /** Tried in order until one answers. */
  detectors?: readonly Detector[];
  /** Shorter text than this is too little to separate close languages. */
  minReliableChars?: number;
}

/** Languages detectors mix up with each other. */
const LOOKALIKES: Record<string, string> = { id: 'ms', ms: 'id' };

export async function detectSourceLanguage(o: DetectSourceOptions): Promise<SourceLanguage> {
  for (const value of o.declared ?? []) {
    // Content-Language may list several ("id, en"): the first is the page's main language.
    const lang = normalizeLang(value?.split(',')[0]);
    if (lang) return { lang, via: 'page', confidence: 1, uncertain: false };
  }
  const text = o.text.replace(/\s+/g, ' ').trim().slice(0, 5000);
  const minChars = o.minReliableChars ?? 500;
  if (text) {
    for (const detector of o.detectors ?? []) {
      let candidates: DetectedLanguage[];
      try {
        candidates = await detector(text);
      } catch {
        continue; // a detector that fails just has no opinion
      }
      const best = candidates[0];
      if (!best) continue;
      const alternative = LOOKALIKES[best.lang];
      const rival = alternative ? candidates.find((c) => c.lang === alternative) : undefined;
      const uncertain = !!alternative && (text.length < minChars || best.confidence < 0.7 || (!!rival && rival.confidence > best.confidence / 2));
      return { lang: best.lang, via: 'detector', confidence: best.confidence, uncertain, ...(uncertain ? { alternative } : {}) };
    }
  }
  return { lang: null, via: 'none', confidence: 0, uncertain: true };
}
