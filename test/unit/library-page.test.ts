/**
 * The library page (popup and tab) with a real library on fake-indexeddb and the page in jsdom: list, paging,
 * search, filters, read marks, tags, delete and undo, export and import, saving the current page.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startLibraryPage, type LibraryPageEnv } from '@/utils/library-ui/page';
import { DEFAULT_SETTINGS, migrateSettings, type Settings } from '@/utils/settings';
import type { SaveReply } from '@/utils/messages';
import type { Library } from '@/utils/library';
import { makeArticle, newLibrary } from '../helpers/library';
import { exportJson, type JernihExport } from '@/utils/library/export';

const t = (key: string, subs?: string | string[]) => (subs ? `${key}:${[subs].flat().join(',')}` : key);

async function seed(lib: Library, n: number) {
  for (let i = 1; i <= n; i++) {
    await lib.save(
      makeArticle(i, {
        title: `Judul berita ${i}`,
        contentHtml: `<p>Isi berita ${i}${i === 7 ? ' tentang zamrudkhatulistiwa' : ''}.</p>`,
        textContent: `Isi berita ${i}${i === 7 ? ' tentang zamrudkhatulistiwa' : ''}.`,
        leadImage: null,
      }),
    );
  }
}

function setup(over: Partial<LibraryPageEnv> = {}, stored: Partial<Settings> = {}) {
  document.body.innerHTML = '<div id="app"></div>';
  const { lib, reopen } = newLibrary();
  let settings: Settings = migrateSettings({ ...DEFAULT_SETTINGS, ...stored });
  const calls = { downloads: [] as { name: string; data: Uint8Array | string; type: string }[], opened: [] as string[], closed: 0, saved: [] as number[] };
  const env: LibraryPageEnv = {
    doc: document,
    win: window,
    root: document.getElementById('app')!,
    t,
    locale: 'en',
    mode: 'tab',
    openLibrary: async () => reopen(),
    loadSettings: async () => settings,
    saveSettings: async (patch) => (settings = migrateSettings({ ...settings, ...(typeof patch === 'function' ? patch(settings) : patch) })),
    watchSettings: () => () => undefined,
    saveTab: async (id): Promise<SaveReply> => {
      calls.saved.push(id);
      const r = await lib.save(makeArticle(99, { title: 'Halaman ini', leadImage: null, contentHtml: '<p>x</p>' }));
      return { ok: true, id: r.id, created: r.created, title: 'Halaman ini', images: { stored: 0, failed: 0, blocked: 0 } };
    },
    readTab: async () => undefined,
    savedUrl: (id) => `saved.html?id=${id}`,
    open: (url) => void calls.opened.push(url),
    openTab: () => undefined,
    openOptions: () => undefined,
    close: () => void calls.closed++,
    download: (name, data, type) => void calls.downloads.push({ name, data, type }),
    ...over,
  };
  return { lib, env, calls, settings: () => settings };
}

const rows = () => Array.from(document.querySelectorAll('.row')).map((r) => r.querySelector('.title')!.textContent!.replace(/^libraryUnreadMark: /, ''));

afterEach(() => vi.useRealTimers());

describe('library page', () => {
  it('lists newest first, windowed, and pages in more as the list scrolls', async () => {
    const { lib, env } = setup();
    await seed(lib, 120);
    const page = startLibraryPage(env);
    await page.ready;
    // The first paint reads only what fills the view (and a few more).
    const first = page.view().items.length;
    expect(first).toBeGreaterThanOrEqual(8);
    expect(first).toBeLessThan(20);
    expect(page.view().loading).toBe(false);
    expect(rows()[0]).toBe('Judul berita 120');
    // The next page follows at once (the list is near its end); the DOM keeps only the rows around the view.
    page.view().onNearEnd();
    await page.idle();
    const v = page.view();
    expect(v.counts).toEqual({ all: 120, unread: 120 });
    expect(v.items).toHaveLength(120);
    expect(v.items[0].title).toBe('Judul berita 120');
    expect(v.items.at(-1)!.title).toBe('Judul berita 1');
    expect(document.querySelectorAll('.row').length).toBeLessThan(30);
  });

  it('a row shows the article\'s day as its page stated it (the zone is kept in the summary)', async () => {
    const { lib, env } = setup();
    // 17:30 UTC on the 18th is 00:30 WIB on the 19th: the page said the 19th.
    await lib.save(makeArticle(1, { title: 'Larut malam', leadImage: null, publishedTime: '2024-08-18T17:30:00Z', publishedZone: 'WIB' }));
    await lib.save(makeArticle(2, { title: 'Tanpa zona', leadImage: null, publishedTime: '2024-08-18T17:30:00Z', publishedZone: null }));
    const page = startLibraryPage(env);
    await page.ready;
    await page.idle();
    const meta = (title: string) =>
      Array.from(document.querySelectorAll('.row')).find((r) => r.textContent!.includes(title))!.querySelector('.meta')!.textContent!.replace(/\s+/g, ' ');
    expect(meta('Larut malam')).toContain('Aug 19, 2024');
    // No zone stated: the viewer's own day (this run's zone), as before.
    const local = new Date('2024-08-18T17:30:00Z').toLocaleDateString('en', { month: 'short', day: 'numeric', year: 'numeric' });
    expect(meta('Tanpa zona')).toContain(local);
  });

  it('finds an article by a word of its body, and filters by unread and tag', async () => {
    const { lib, env } = setup();
    await seed(lib, 12);
    const page = startLibraryPage(env);
    await page.ready;
    page.view().onQuery('zamrudkhatu');
    await page.idle();
    expect(page.view().items.map((i) => i.title)).toEqual(['Judul berita 7']);
    expect(page.view().complete).toBe(true);
    expect(rows()).toEqual(['Judul berita 7']);
    page.view().onQuery('');
    await page.idle();
    expect(page.view().items).toHaveLength(12);

    const third = page.view().items[2];
    page.view().onToggleRead(third);
    page.view().onAddTag(page.view().items[0], 'Politik');
    await page.idle();
    expect(page.view().items[2].read).toBe(true);
    expect(page.view().counts).toEqual({ all: 12, unread: 11 });
    expect(page.view().tags).toEqual([{ tag: 'politik', count: 1 }]);
    page.view().onUnread(true);
    await page.idle();
    expect(page.view().items.map((i) => i.id)).not.toContain(third.id);
    page.view().onUnread(false);
    page.view().onTag('politik');
    await page.idle();
    expect(page.view().items.map((i) => i.title)).toEqual(['Judul berita 12']);
  });

  it('deletes with undo (button and Ctrl+Z), putting the article back where it was', async () => {
    const { lib, env } = setup();
    await seed(lib, 5);
    const page = startLibraryPage(env);
    await page.ready;
    const victim = page.view().items[1];
    page.view().onDelete(victim);
    await page.idle();
    expect(page.view().items.map((i) => i.id)).not.toContain(victim.id);
    expect(page.view().toast).toMatchObject({ kind: 'info', undo: true, text: `libraryDeleted:${victim.title}` });
    expect(await lib.count()).toBe(4);
    page.view().onUndo();
    await page.idle();
    expect(page.view().items[1].id).toBe(victim.id);
    expect(await lib.count()).toBe(5);

    page.view().onDelete(victim);
    await page.idle();
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'z', ctrlKey: true, bubbles: true }));
    await page.idle();
    expect(page.view().items[1].id).toBe(victim.id);
    expect(await lib.count()).toBe(5);
  });

  it('keyboard in the list: arrows move, Delete deletes, R marks read, Escape clears the search', async () => {
    const { lib, env } = setup();
    await seed(lib, 4);
    const page = startLibraryPage(env);
    await page.ready;
    await page.idle();
    const first = document.querySelector('.row .open') as HTMLElement;
    first.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    expect(page.view().active).toBe(1);
    const second = document.querySelector('.row[data-index="1"] .open') as HTMLElement;
    second.dispatchEvent(new KeyboardEvent('keydown', { key: 'r', bubbles: true }));
    await page.idle();
    expect(page.view().items[1].read).toBe(true);
    second.dispatchEvent(new KeyboardEvent('keydown', { key: 'Delete', bubbles: true }));
    await page.idle();
    expect(page.view().items).toHaveLength(3);
    page.view().onQuery('judul');
    await page.idle();
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await page.idle();
    expect(page.view().query).toBe('');
  });

  it('exports a selection as JSON and imports it into a fresh library; a corrupt file changes nothing', async () => {
    const a = setup();
    await seed(a.lib, 3);
    const pageA = startLibraryPage(a.env);
    await pageA.ready;
    const [x, , z] = pageA.view().items;
    pageA.view().onSelect(x);
    pageA.view().onSelect(z);
    pageA.view().onExport('json', true);
    await pageA.idle();
    expect(a.calls.downloads).toHaveLength(1);
    const file = a.calls.downloads[0];
    expect(file.name).toMatch(/^jernih-\d{4}-\d{2}-\d{2}\.json$/);
    expect(JSON.parse(file.data as string).articles.map((r: { id: string }) => r.id)).toEqual([x.id, z.id]);

    const b = setup();
    const pageB = startLibraryPage(b.env);
    await pageB.ready;
    pageB.view().onImport(new File([file.data as string], 'x.json'));
    await pageB.idle();
    expect(pageB.view().panel).toMatchObject({ kind: 'import-confirm', plan: { added: 2 } });
    expect(await b.lib.count()).toBe(0);
    pageB.view().onImportConfirm();
    await pageB.idle();
    expect(pageB.view().toast).toMatchObject({ kind: 'ok', text: 'libraryImported:2,0,0' });
    expect(pageB.view().items.map((i) => i.id)).toEqual([x.id, z.id]);

    pageB.view().onImport(new File([(file.data as string).slice(0, 200)], 'cut.json'));
    await pageB.idle();
    expect(pageB.view().toast).toMatchObject({ kind: 'error', text: 'libraryImportRejected' });
    expect(pageB.view().toast?.detail).toMatch(/damaged or incomplete/);
    expect(await b.lib.count()).toBe(2);
  });

  it('import: shows what the file would add, update and replace, and writes nothing until Import is chosen (keyboard too)', async () => {
    const a = setup();
    await seed(a.lib, 3);
    const file = JSON.parse(await exportJson(a.lib)) as JernihExport;
    // The file's copy of article 1 is newer than the one saved in library B: importing it would replace it.
    const one = file.articles.find((x) => x.article.title === 'Judul berita 1')!;
    one.updatedAt += 3_600_000;
    one.article.title = 'Judul dari berkas';
    const json = JSON.stringify(file);

    const b = setup();
    await seed(b.lib, 1);
    const page = startLibraryPage(b.env);
    await page.ready;
    const choose = async () => {
      page.view().onPanel({ kind: 'import' });
      page.view().onImport(new File([json], 'cadangan.json'));
      await page.idle();
    };
    await choose();
    expect(page.view().panel).toMatchObject({
      kind: 'import-confirm',
      plan: { fileName: 'cadangan.json', total: 3, added: 2, updated: 0, replaced: 1, skipped: 0, replacedTitles: ['Judul berita 1'], updatedTitles: [] },
    });
    const dialog = document.querySelector('.panel-import-confirm')!;
    expect(dialog.getAttribute('role')).toBe('dialog');
    expect(dialog.textContent).toContain('libraryImportPlanReplace');
    expect(dialog.textContent).toContain('Judul berita 1');
    // Something would be replaced: the safe answer has the focus, so Enter does not replace anything.
    expect(document.activeElement?.getAttribute('data-action')).toBe('import-cancel');
    expect(await b.lib.count()).toBe(1);
    expect((await b.lib.list()).items[0].title).toBe('Judul berita 1');

    // Escape cancels: nothing written.
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await page.idle();
    expect(page.view().panel).toBeNull();
    expect(await b.lib.count()).toBe(1);

    // Cancel (the button) too.
    await choose();
    (document.querySelector('[data-action="import-cancel"]') as HTMLButtonElement).click();
    await page.idle();
    expect(page.view().panel).toBeNull();
    expect(await b.lib.count()).toBe(1);

    // Import writes what was shown.
    await choose();
    (document.querySelector('[data-action="import-confirm"]') as HTMLButtonElement).click();
    await page.idle();
    expect(page.view().panel).toBeNull();
    expect(page.view().toast).toMatchObject({ kind: 'ok', text: 'libraryImported:2,1,0' });
    expect(await b.lib.count()).toBe(3);
    expect(page.view().items.map((i) => i.title)).toContain('Judul dari berkas');
  });

  it('import: a file over the size limit is refused before it is read', async () => {
    const { env, lib } = setup();
    const page = startLibraryPage(env);
    await page.ready;
    const arrayBuffer = vi.fn(async () => new ArrayBuffer(0));
    page.view().onImport({ name: 'besar.json', size: 300 * 1024 * 1024, arrayBuffer } as unknown as File);
    await page.idle();
    expect(page.view().toast).toMatchObject({ kind: 'error', text: 'libraryImportRejected' });
    expect(page.view().toast?.detail).toMatch(/too large to import \(300 MB; at most 100 MB\)/);
    expect(arrayBuffer).not.toHaveBeenCalled();
    expect(await lib.count()).toBe(0);
  });

  it('popup: saving the current page saves at once, with no question about all sites', async () => {
    const { lib, env, calls, settings } = setup({ mode: 'popup', currentTab: async () => ({ id: 42, url: 'https://nasional.kompas.com/read/2026/01/01/10300061/banjir-rob' }) });
    const page = startLibraryPage(env);
    await page.ready;
    await page.idle();
    expect(page.view().current).toMatchObject({ host: 'nasional.kompas.com', canRun: true, auto: { on: true } });
    // Pictures on other hosts are asked about after the save, by host, in a window the background opens.
    page.view().onSavePage();
    expect(page.view().panel).toBeNull();
    await page.idle();
    expect(calls.saved).toEqual([42]);
    expect(page.view().toast).toMatchObject({ kind: 'ok', text: 'savedNew' });
    expect(page.view().items[0].title).toBe('Halaman ini');
    expect(await lib.count()).toBe(1);
    page.view().onSavePage();
    await page.idle();
    expect(calls.saved).toEqual([42, 42]);
    // The auto-clean switch of the site.
    page.view().onAutoClean(false);
    await page.idle();
    expect(settings().autoCleanOff).toContain('kompas');
    // Opening an article opens the reader page in a tab and closes the popup.
    page.view().onOpen(page.view().items[0], false);
    expect(calls.opened).toEqual([`saved.html?id=${page.view().items[0].id}`]);
    expect(calls.closed).toBe(1);
  });

  it('popup on a browser page: no read or save, a short explanation', async () => {
    const { env } = setup({ mode: 'popup', currentTab: async () => ({ id: 1, url: 'chrome://newtab/' }) });
    const page = startLibraryPage(env);
    await page.ready;
    await page.idle();
    expect(page.view().current).toMatchObject({ canRun: false, auto: null });
    expect(document.querySelector('[data-action="save-page"]')).toBeNull();
    expect(document.body.textContent).toContain('libraryCannotUsePage');
    expect(document.body.textContent).toContain('libraryEmpty');
  });
});
