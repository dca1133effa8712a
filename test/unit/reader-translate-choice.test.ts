/**
 * Issue 13, the reader's side: Translate with no service chosen uses the on-device translator where the reader's
 * window has one, else offers the choice in the panel (no dead end); the Indonesian/Malay note only when the
 * detector is unsure.
 */
import { describe, expect, it, vi } from 'vitest';
import { createReaderTranslation, type ReaderPort, type TranslationContext, type TranslationDeps } from '@/utils/reader/translate';
import { migrateSettings, type Settings, type TranslationProviderSetting } from '@/utils/settings';
import type { Article } from '@/utils/extract/types';
import type { I18nDetectResult } from '@/utils/translate/detect';

const PARAGRAPHS = [
  'Presiden meresmikan jalan tol baru di Jawa Tengah pada hari Senin pagi bersama para menteri.',
  'Jalan itu menghubungkan dua kota besar dan akan mempersingkat perjalanan ribuan keluarga setiap hari.',
  'Para petani berharap jalan tersebut membantu mereka menjual sayuran ke pasar-pasar di kota.',
];

function setup(o: { provider?: TranslationProviderSetting; scope?: object; lang?: string | null; detect?: I18nDetectResult; text?: string[] } = {}) {
  document.body.innerHTML = `<div class="body">${(o.text ?? PARAGRAPHS).map((p) => `<p>${p}</p>`).join('')}</div>`;
  const body = document.querySelector<HTMLElement>('.body')!;
  const settings: Settings = migrateSettings(o.provider ? { translation: { provider: o.provider, target: 'en' } } : { translation: { target: 'en' } });
  const connect = vi.fn((): ReaderPort => {
    throw new Error('no service should be asked');
  });
  const openOptions = vi.fn();
  const saveProvider = vi.fn(async () => undefined);
  const deps: TranslationDeps = {
    uiLang: 'en',
    connect,
    openOptions,
    saveProvider,
    scope: o.scope ?? {},
    detectLanguage: o.detect ? async () => o.detect! : undefined,
  };
  const tr = createReaderTranslation(deps);
  const ctx: TranslationContext = {
    body,
    scroller: null,
    article: { lang: o.lang === undefined ? 'id' : o.lang, textContent: body.textContent ?? '' } as Article,
    settings,
    repaint: () => undefined,
  };
  return { tr, ctx, body, connect, openOptions, saveProvider };
}

/** A Translator global as Chrome's (availability, create, translate), translating by tagging the text. */
function fakeTranslator(availability = 'available') {
  const created: string[] = [];
  return {
    created,
    Translator: {
      availability: async () => availability,
      create: async (opt: { sourceLanguage: string; targetLanguage: string }) => {
        created.push(`${opt.sourceLanguage}>${opt.targetLanguage}`);
        return { translate: async (text: string) => `[${opt.targetLanguage}] ${text}`, destroy() {} };
      },
    },
  };
}

const opened = async (s: ReturnType<typeof setup>) => {
  s.tr.toggle(s.ctx);
  await vi.waitFor(() => expect(s.tr.view()!.state).not.toBe('detecting'));
};

describe('Translate with no service chosen (issue 13)', () => {
  it('offers the services in the panel when the browser has no on-device translator: no error, nothing sent', async () => {
    const s = setup();
    await opened(s);
    s.tr.handle({ type: 'start' }, s.ctx);
    await vi.waitFor(() => expect(s.tr.view()!.state).toBe('choose'));
    const v = s.tr.view()!;
    expect(v.error).toBeNull();
    expect(v.onDevice).toBe('absent');
    expect(v.offers!.map((o) => o.id)).toEqual(['libretranslate', 'deepl']);
    expect(s.connect).not.toHaveBeenCalled();

    // Picking a service that needs an address or a key opens the options page on it, and the panel says what next.
    s.tr.handle({ type: 'provider', id: 'libretranslate' }, s.ctx);
    expect(s.openOptions).toHaveBeenCalledWith('libretranslate');
    expect(s.tr.view()!.settingUp).toBe('libretranslate');
    expect(s.saveProvider).not.toHaveBeenCalled();
  });

  it('uses the on-device translator of the reader window by default, with no set-up', async () => {
    const device = fakeTranslator();
    const s = setup({ scope: { Translator: device.Translator } });
    await opened(s);
    s.tr.handle({ type: 'start' }, s.ctx);
    await vi.waitFor(() => expect(s.tr.view()!.state).toBe('done'));
    expect(device.created).toEqual(['id>en']);
    expect(s.body.querySelector('.jernih-tr')!.textContent).toBe(`[en] ${PARAGRAPHS[0]}`);
    expect(s.tr.view()!.provider).toMatch(/on this device/);
    expect(s.connect).not.toHaveBeenCalled();
    expect(s.saveProvider).not.toHaveBeenCalled(); // automatic stays automatic
  });

  it('an on-device translator that cannot do the pair: the services are offered, and why', async () => {
    const s = setup({ scope: { Translator: fakeTranslator('unavailable').Translator } });
    await opened(s);
    s.tr.handle({ type: 'start' }, s.ctx);
    await vi.waitFor(() => expect(s.tr.view()!.state).toBe('choose'));
    expect(s.tr.view()!.onDevice).toBe('unsupported-pair');
  });

  it('None chosen on the options page: the panel offers the on-device translator, and picking it stores it and translates at once', async () => {
    const device = fakeTranslator();
    const s = setup({ provider: { id: 'none' }, scope: { Translator: device.Translator } });
    await opened(s);
    s.tr.handle({ type: 'start' }, s.ctx);
    await vi.waitFor(() => expect(s.tr.view()!.state).toBe('choose'));
    expect(device.created).toEqual([]);
    expect(s.tr.view()!.offers![0]).toEqual({ id: 'chrome-builtin', needs: 'nothing' });
    s.tr.handle({ type: 'provider', id: 'chrome-builtin' }, s.ctx);
    expect(s.saveProvider).toHaveBeenCalledWith({ id: 'chrome-builtin' });
    await vi.waitFor(() => expect(s.tr.view()!.state).toBe('done'));
    expect(device.created).toEqual(['id>en']);
  });
});

describe('the Indonesian/Malay note', () => {
  const longIndonesian = Array.from({ length: 4 }, () => PARAGRAPHS).flat();

  it('is absent for a page that declares Indonesian', async () => {
    const s = setup({ lang: 'id' });
    await opened(s);
    expect(s.tr.view()!.detected).toMatchObject({ lang: 'id', via: 'page', uncertain: false });
  });

  it('is absent for a long text the detector is sure is Indonesian', async () => {
    const s = setup({ lang: null, text: longIndonesian, detect: { isReliable: true, languages: [{ language: 'id', percentage: 98 }] } });
    await opened(s);
    expect(s.tr.view()!.detected).toMatchObject({ lang: 'id', via: 'detector', uncertain: false });
  });

  it('shows when the detector is unsure between the two (short text, or Malay close behind)', async () => {
    const short = setup({ lang: null, text: [PARAGRAPHS[0]], detect: { isReliable: true, languages: [{ language: 'id', percentage: 95 }] } });
    await opened(short);
    expect(short.tr.view()!.detected).toMatchObject({ lang: 'id', uncertain: true });
    const rival = setup({
      lang: null, text: longIndonesian,
      detect: { isReliable: true, languages: [{ language: 'ms', percentage: 55 }, { language: 'id', percentage: 45 }] },
    });
    await opened(rival);
    expect(rival.tr.view()!.detected).toMatchObject({ lang: 'ms', uncertain: true });
  });
});

describe('the first target is never the article\'s own language (an Indonesian UI on an Indonesian article)', () => {
  const withUi = (uiLang: string, lang: string, target = '') => {
    document.body.innerHTML = `<div class="body">${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}</div>`;
    const body = document.querySelector<HTMLElement>('.body')!;
    const tr = createReaderTranslation({ uiLang, connect: () => { throw new Error('unused'); }, openOptions: () => undefined, scope: {} });
    const ctx: TranslationContext = { body, scroller: null, article: { lang, textContent: body.textContent ?? '' } as Article, settings: migrateSettings({ translation: { target } }), repaint: () => undefined };
    return { tr, ctx };
  };
  const opened = async (s: ReturnType<typeof withUi>) => {
    s.tr.toggle(s.ctx);
    await vi.waitFor(() => expect(s.tr.view()!.state).not.toBe('detecting'));
    return s.tr.view()!;
  };

  it('Indonesian UI, Indonesian article: English', async () => {
    expect((await opened(withUi('id', 'id'))).target).toBe('en');
  });
  it('Indonesian UI, English article: Indonesian', async () => {
    expect((await opened(withUi('id-ID', 'en'))).target).toBe('id');
  });
  it('English UI, English article: Indonesian (the language Jernih is made for first)', async () => {
    expect((await opened(withUi('en-US', 'en'))).target).toBe('id');
  });
  it('a target the person chose in the settings stands, even the same language (the bar then says so)', async () => {
    expect((await opened(withUi('id', 'id', 'id'))).target).toBe('id');
  });
  it('a target picked in the bar stands when detection finishes later', async () => {
    const s = withUi('id', 'id');
    s.tr.toggle(s.ctx);
    s.tr.handle({ type: 'target', lang: 'ja' }, s.ctx);
    await vi.waitFor(() => expect(s.tr.view()!.state).not.toBe('detecting'));
    expect(s.tr.view()!.target).toBe('ja');
  });
});
