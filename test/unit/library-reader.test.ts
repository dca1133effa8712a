/**
 * Saving from the reader (its Save and Library buttons, the article it hands over) and reading a saved article
 * offline (the reader page with stored pictures, the reading position, the read mark).
 */
import { describe, expect, it, vi } from 'vitest';
import { Blob as NodeBlob } from 'node:buffer';
import { saveActions } from '@/utils/reader/save-action';
import { createReaderController, type ReaderUi } from '@/utils/reader/controller';
import { startSavedPage } from '@/utils/library-ui/saved';
import { DEFAULT_SETTINGS } from '@/utils/settings';
import type { ReaderToBackground } from '@/utils/messages';
import { fakeImageBytes, makeArticle, newLibrary } from '../helpers/library';

const t = (key: string, subs?: string | string[]) => (subs ? `${key}:${[subs].flat().join(',')}` : key);

function ui() {
  const said: string[] = [];
  let repaints = 0;
  const u: ReaderUi = { repaint: () => void repaints++, say: (text) => void said.push(text) };
  return { u, said, repaints: () => repaints };
}

describe('reader: Save and Library buttons', () => {
  it('saves the article the reader shows, says so, and shows "Saved"', async () => {
    const sent: ReaderToBackground[] = [];
    let answer: (v: unknown) => void = () => undefined;
    const actions = saveActions({
      t,
      send: (m) => {
        sent.push(m);
        return m.type === 'library:save' ? new Promise((r) => (answer = r)) : Promise.resolve(true);
      },
      readArticle: async () => makeArticle(1),
      icons: { save: (saved) => (saved ? 'filled' : 'outline'), library: () => 'lib' },
    });
    const { u, said } = ui();
    const [save, library] = actions(makeArticle(1), u);
    expect(save).toMatchObject({ id: 'save', label: 'readerSave', shortcut: 'save', pressed: false, icon: 'outline' });
    expect(library).toMatchObject({ id: 'library', label: 'readerLibrary' });
    save.onClick();
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    expect(actions(makeArticle(1), u)[0]).toMatchObject({ label: 'readerSaving', disabled: true });
    answer({ ok: true, id: 'a', created: true, title: 'x', images: { stored: 1, failed: 0, blocked: 0 } });
    await vi.waitFor(() => expect(said).toEqual(['savedNew']));
    expect(sent[0]).toEqual({ type: 'library:save', article: makeArticle(1) });
    expect(actions(makeArticle(1), u)[0]).toMatchObject({ label: 'readerSaved', pressed: true, icon: 'filled' });
    library.onClick();
    expect(sent[1]).toEqual({ type: 'library:open' });
  });

  it('a refused save (quota) is said and the button stays "Save"', async () => {
    const actions = saveActions({
      t,
      send: async () => ({ ok: false, code: 'quota', message: 'saveQuota' }),
      readArticle: async () => makeArticle(1),
      icons: { save: () => null, library: () => null },
    });
    const { u, said } = ui();
    actions(makeArticle(1), u)[0].onClick();
    await vi.waitFor(() => expect(said).toEqual(['saveQuota']));
    expect(actions(makeArticle(1), u)[0]).toMatchObject({ label: 'readerSave', pressed: false });
  });
});

describe('reader: the article to save', () => {
  it('readArticle gives the article with the reader closed (page untouched) and open', async () => {
    document.open();
    document.write('<!doctype html><html><head><title>x</title></head><body><article><h1>Judul</h1><p>Isi.</p></article></body></html>');
    document.close();
    window.scrollTo = vi.fn() as never;
    const before = document.documentElement.outerHTML;
    const article = makeArticle(3);
    const reader = createReaderController({
      doc: document,
      win: window,
      t,
      loadSettings: async () => DEFAULT_SETTINGS,
      saveSettings: async () => DEFAULT_SETTINGS,
      watchSettings: () => () => undefined,
      extract: () => article,
      acceptSyntheticEvents: true,
    });
    expect(await reader.readArticle()).toEqual(article);
    expect(reader.isOpen).toBe(false);
    expect(document.documentElement.outerHTML).toBe(before);
    await reader.open();
    expect(await reader.readArticle()).toEqual(article);
    reader.close();
  });
});

describe('saved article page', () => {
  async function savedLibrary() {
    const test = newLibrary({
      fetchImage: async (url) => new NodeBlob([fakeImageBytes(url, 'image/png')], { type: 'image/png' }) as unknown as Blob,
    });
    const article = makeArticle(4, {
      leadImage: { src: 'https://asset.kompas.com/lead-4.jpg', alt: 'Foto', caption: 'Keterangan', inBody: false },
      contentHtml: '<p>Paragraf satu.</p><figure><img src="https://asset.kompas.com/body-4.jpg" alt="Gambar"><figcaption>Gambar</figcaption></figure><p>Paragraf dua.</p>',
    });
    const { id } = await test.lib.save(article);
    return { ...test, id };
  }

  function env(lib: ReturnType<typeof newLibrary>, id: string | null) {
    document.open();
    document.write('<!doctype html><html><head></head><body></body></html>');
    document.close();
    window.scrollTo = vi.fn() as never;
    let n = 0;
    return {
      doc: document,
      win: window,
      t,
      id,
      openLibrary: async () => lib.reopen(),
      libraryUrl: 'library.html?view=tab',
      loadSettings: async () => DEFAULT_SETTINGS,
      saveSettings: async () => DEFAULT_SETTINGS,
      watchSettings: () => () => undefined,
      urls: { createObjectURL: () => `blob:${location.origin}/test-${++n}`, revokeObjectURL: () => undefined },
      acceptSyntheticEvents: true,
    };
  }

  it('shows the article in the reader with its pictures from the stored files', async () => {
    const test = await savedLibrary();
    const page = await startSavedPage(env(test, test.id));
    expect(page.state).toBe('opened');
    const root = document.body.shadowRoot!;
    expect(root.querySelector('h1')!.textContent).toBe('Judul berita 4');
    const srcs = Array.from(root.querySelectorAll('img')).map((i) => i.getAttribute('src'));
    expect(srcs).toHaveLength(2);
    expect(srcs.every((s) => s!.startsWith(`blob:${location.origin}/test-`))).toBe(true);
    expect(document.title).toBe('Judul berita 4');
    // No extraction fixes for a saved article; the way out is back to the library.
    expect(root.querySelector('[data-action="exit"]')!.getAttribute('aria-label')).toBe('libraryTitle');
    (root.querySelector('[data-panel-toggle="more"]') as HTMLElement).click();
    expect(root.querySelector('[data-action="pick"]')).toBeNull();
    expect(root.querySelector('[data-action="print"]')).not.toBeNull();
    // jsdom has no layout: the whole article is "in view", so it counts as read once the position is written.
    await page.flush();
    expect((await test.lib.get(test.id))!.read).toBe(true);
  });

  it('an article no longer in the library, and a link-only entry, get a notice with a way on', async () => {
    const test = await savedLibrary();
    await test.lib.delete(test.id);
    expect((await startSavedPage(env(test, test.id))).state).toBe('missing');
    expect(document.body.textContent).toContain('savedMissing');
    expect(document.querySelector('a')!.getAttribute('href')).toBe('library.html?view=tab');
    expect((await startSavedPage(env(test, 'no-such-id'))).state).toBe('missing');

    await test.lib.merge([{ kind: 'link', url: 'https://example.com/a', title: 'Tautan', tags: [], savedAt: 1, read: false }]);
    const linkId = (await test.lib.getByUrl('https://example.com/a'))!.id;
    expect((await startSavedPage(env(test, linkId))).state).toBe('link-only');
    expect(document.body.textContent).toContain('savedLinkOnly');
    expect(document.querySelector('a')!.getAttribute('href')).toBe('https://example.com/a');
  });
});
