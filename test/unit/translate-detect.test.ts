/** The source language: declared by the page, else detected, with Indonesian/Malay marked uncertain. */
import { describe, expect, it } from 'vitest';
import { detectorFromI18n, detectorFromLanguageDetector, detectSourceLanguage, type Detector } from '@/utils/translate/detect';
import { normalizeLang } from '@/utils/translate/lang';

const LONG = 'Pemerintah meresmikan jalan tol baru di Jawa Tengah pada hari Senin. '.repeat(10);

describe('normalizeLang', () => {
  it.each([
    ['id-ID', 'id'], ['in_ID', 'id'], ['EN-us', 'en'], ['ms-MY', 'ms'], ['zsm', 'ms'], ['ind', 'id'], ['zh-TW', 'zh-Hant'],
    ['zh-hans-CN', 'zh-Hans'], ['zh', 'zh'], ['', null], ['und', null], ['x', null], [null, null], ['  jv ', 'jv'],
  ])('%s -> %s', (tag, expected) => {
    expect(normalizeLang(tag)).toBe(expected);
  });
});

describe('detectSourceLanguage', () => {
  const says = (...c: [string, number][]): Detector => async () => c.map(([lang, confidence]) => ({ lang, confidence }));

  it("trusts the page's declared language first", async () => {
    const r = await detectSourceLanguage({ declared: [null, 'id-ID', 'en'], text: LONG, detectors: [says(['ms', 0.9])] });
    expect(r).toEqual({ lang: 'id', via: 'page', confidence: 1, uncertain: false });
  });

  it('takes the first language of a Content-Language list', async () => {
    expect((await detectSourceLanguage({ declared: ['id, en'], text: '' })).lang).toBe('id');
  });

  it('falls back to the detectors, in order, skipping one that fails or has no opinion', async () => {
    const broken: Detector = async () => {
      throw new Error('no model');
    };
    const r = await detectSourceLanguage({ declared: ['', 'und'], text: 'The president opened a road. '.repeat(30), detectors: [broken, says(), says(['en', 0.98])] });
    expect(r).toEqual({ lang: 'en', via: 'detector', confidence: 0.98, uncertain: false });
  });

  it('marks Indonesian vs Malay uncertain on short text or close scores', async () => {
    const short = await detectSourceLanguage({ text: 'Harga beras naik', detectors: [says(['id', 0.95])] });
    expect(short).toMatchObject({ lang: 'id', uncertain: true, alternative: 'ms' });
    const close = await detectSourceLanguage({ text: LONG, detectors: [says(['ms', 0.55], ['id', 0.45])] });
    expect(close).toMatchObject({ lang: 'ms', uncertain: true, alternative: 'id' });
    const clear = await detectSourceLanguage({ text: LONG, detectors: [says(['id', 0.97])] });
    expect(clear).toMatchObject({ lang: 'id', uncertain: false });
    expect(clear.alternative).toBeUndefined();
  });

  it('says nothing when nothing can tell', async () => {
    expect(await detectSourceLanguage({ text: '   ', detectors: [says(['en', 1])] })).toEqual({ lang: null, via: 'none', confidence: 0, uncertain: true });
  });
});

describe('detector adapters', () => {
  it('reads browser.i18n.detectLanguage and discounts an unreliable answer', async () => {
    const d = detectorFromI18n(async () => ({ isReliable: false, languages: [{ language: 'ms', percentage: 60 }, { language: 'id', percentage: 40 }] }));
    expect(await d('x')).toEqual([{ lang: 'ms', confidence: 0.3 }, { lang: 'id', confidence: 0.2 }]);
    const reliable = detectorFromI18n(async () => ({ isReliable: true, languages: [{ language: 'id', percentage: 97 }, { language: 'und', percentage: 3 }] }));
    expect(await reliable('x')).toEqual([{ lang: 'id', confidence: 0.97 }]);
  });

  it("uses Chrome's LanguageDetector only when its model is already there", async () => {
    let created = 0;
    const api = (availability: string) => ({
      availability: async () => availability,
      create: async () => {
        created++;
        return { detect: async () => [{ detectedLanguage: 'id', confidence: 0.9 }, { detectedLanguage: null, confidence: 0.1 }] };
      },
    });
    expect(await detectorFromLanguageDetector(api('downloadable'))('x')).toEqual([]);
    expect(created).toBe(0);
    const d = detectorFromLanguageDetector(api('available'));
    expect(await d('x')).toEqual([{ lang: 'id', confidence: 0.9 }]);
    await d('y');
    expect(created).toBe(1);
  });
});
