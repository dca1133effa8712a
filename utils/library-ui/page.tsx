/**
 * The library page (library.html): the toolbar popup, or the same page in a tab for big libraries. It owns the
 * state (list or search results, filters, selection, panels, the undo of the last delete) and talks to the library
 * directly (IndexedDB of the extension's origin) and to the browser through `env`, so it runs in unit tests with
 * fake-indexeddb and jsdom. components/LibraryView.tsx draws it.
 *
 * Speed (DESIGN.md: 10,000 articles, list painted under 150 ms, search under 30 ms a keystroke): the first page of
 * summaries is read and painted before anything else (settings, the current tab, counts and tags come after);
 * the list is windowed and pages in more as it scrolls; the search indexes load once the list is painted, and a
 * query answers from titles at once and again with bodies when their index is there.
 */
import { render } from 'preact';
import { LibraryView, THUMB_SIZE, type ExportFormat, type ImportPlanView, type LibraryPanel, type LibraryViewProps, type ToastView } from '@/components/LibraryView';
import type { Translate } from '@/components/i18n';
// Deep imports, not the library's index: the index brings export and import, which load only when used (io.ts).
import type { Library } from '../library/library';
import { LibraryError, type ArticleSummary } from '../library/types';
import type { PreparedImport } from '../library/import';
import { displayHost } from '../library/canonical';
import { autoCleanOn, withAutoClean, type Settings, type SettingsPatch } from '../settings';
import type { OpenOptions } from '../reader/controller';
import { savedMessage, type SaveReply } from '../messages';
import { browserShrink, thumbnailSource, type ThumbnailSource } from './thumbnails';

type SiteFor = (url: string, settings: Settings) => OpenOptions['auto'] | null;
const loadIo = () => import('./io');

export interface LibraryPageEnv {
  doc: Document;
  win: Window & typeof globalThis;
  root: Element;
  t: Translate;
  locale?: string;
  mode: 'popup' | 'tab';
  openLibrary: () => Promise<Library>;
  loadSettings: () => Promise<Settings>;
  saveSettings: (patch: SettingsPatch | ((s: Settings) => SettingsPatch)) => Promise<Settings>;
  watchSettings: (cb: (s: Settings) => void) => () => void;
  /** The tab the popup was opened over (popup only). */
  currentTab?: () => Promise<{ id: number; url?: string } | null>;
  saveTab: (tabId: number) => Promise<SaveReply>;
  readTab: (tabId: number) => Promise<unknown>;
  /** The reader page of a saved article. */
  savedUrl: (id: string) => string;
  open: (url: string, newTab: boolean) => void;
  /** This page in a tab (`query` e.g. "panel=import"). */
  openTab: (query?: string) => void;
  openOptions: () => void;
  /** Closes the popup (nothing in a tab). */
  close: () => void;
  download: (name: string, data: Uint8Array | string, type: string) => void;
  /** A panel to open at once (library.html?panel=import). */
  initialPanel?: 'import' | 'export';
}

export interface LibraryPage {
  /** Resolves once the first list is on screen. */
  ready: Promise<void>;
  /** For tests: the current view props. */
  view(): LibraryViewProps;
  /** Waits for the work under way (search, list, save, import...). */
  idle(): Promise<void>;
}

/** Rows read before the first paint: what fills the view, and a few more (the rest follows at once). */
const firstPage = (win: Window, mode: 'popup' | 'tab') => Math.min(60, Math.ceil((win.innerHeight || 600) / (mode === 'popup' ? 92 : 104)) + 4);
const MORE_PAGE = 200;
/** Results read per keystroke (each is a summary read from IndexedDB); the count of all matches is shown. */
const SEARCH_LIMIT = 100;
const TOAST_MS = 8000;
/** Deleted articles stay in the trash this long (the undo of a delete made in another popup), then go for good. */
const TRASH_KEEP_MS = 24 * 3600 * 1000;
/** Titles of replaced and updated articles handed to the plan view (it shows the first few and counts the rest). */
const PLAN_TITLES = 50;
const MIME: Record<ExportFormat, string> = { json: 'application/json', markdown: 'application/zip', epub: 'application/epub+zip' };

interface Removed {
  item: ArticleSummary;
  index: number;
}

export function startLibraryPage(env: LibraryPageEnv): LibraryPage {
  const { t, win, doc } = env;
  const perf = win.performance;
  let lib: Library | null = null;
  let settings: Settings | null = null;
  let tab: { id: number; url?: string } | null = null;
  // The site rules (for the current page's auto-clean switch) load with the current tab, after the list.
  let siteFor: SiteFor | null = null;

  // What the view shows.
  let loading = true;
  let query = '';
  /** The query whose results the list shows ('' while it shows the list): typing runs ahead of the results. */
  let shown = '';
  let unread = false;
  let tag: string | null = null;
  let items: ArticleSummary[] = [];
  let next: string | null = null;
  let total = 0;
  let complete = true;
  let counts: { all: number; unread: number } | null = null;
  let tags: { tag: string; count: number }[] = [];
  let active = -1;
  let focusActive = false;
  let selecting = false;
  const selected = new Set<string>();
  let panel: LibraryPanel | null = env.initialPanel ? { kind: env.initialPanel } : null;
  let busy: string | null = null;
  let toast: ToastView | null = null;
  let toastTimer: ReturnType<typeof setTimeout> | undefined;
  let undo: (() => Promise<void>) | null = null;
  let saving = false;
  /** The current tab's page is in the library (not the trash): its id. The popup then offers Remove, not Save. */
  let savedId: string | null = null;
  /** A file read, checked and planned, waiting for the person's answer: nothing of it is written before. */
  let pendingImport: PreparedImport | null = null;

  // Work under way, latest wins.
  let listSeq = 0;
  let searchSeq = 0;
  let loadingMore = false;
  const pending = new Set<Promise<unknown>>();
  const track = <T,>(p: Promise<T>): Promise<T> => {
    pending.add(p);
    void p.finally(() => pending.delete(p)).catch(() => undefined);
    return p;
  };

  const searching = () => query.trim().length >= 2;

  // Row thumbnails from the stored pictures (none where the page cannot make blob: URLs, e.g. in jsdom).
  const thumbnails: ThumbnailSource | undefined =
    typeof win.URL?.createObjectURL === 'function'
      ? thumbnailSource({
          read: async (item) => (await library()).thumbnail(item),
          // Without a decoder that resizes, the stored picture as it is (the <img> scales it down).
          shrink: browserShrink(win) ?? (async (blob) => blob),
          createObjectURL: (blob) => win.URL.createObjectURL(blob),
          revokeObjectURL: (url) => win.URL.revokeObjectURL(url),
          px: Math.ceil(THUMB_SIZE[env.mode] * Math.max(1, win.devicePixelRatio || 1)),
        })
      : undefined;

  /** The bodies' search index, loaded once the person types (then a query searches the full text). */
  let bodies: Promise<void> | null = null;
  const loadBodies = () => {
    bodies ??= library()
      .then((l) => l.searchReady())
      .then(
        () => void perf.mark('jernih:search-ready'),
        () => void (bodies = null),
      );
  };

  const dark = () => {
    const theme = settings?.theme ?? 'auto';
    if (theme === 'dark' || theme === 'black' || theme === 'contrast') return true;
    if (theme === 'auto') return !!win.matchMedia?.('(prefers-color-scheme: dark)').matches;
    return false;
  };

  const currentView = (): LibraryViewProps['current'] => {
    if (env.mode !== 'popup' || !tab) return null;
    const url = tab.url;
    const web = !url || /^https?:/i.test(url);
    const site = url && settings && siteFor ? siteFor(url, settings) : null;
    return {
      host: url ? displayHost(url) : null,
      canRun: web,
      saving,
      saved: savedId !== null,
      auto: site && settings ? { label: site.label, on: autoCleanOn(settings, site.site) } : null,
    };
  };

  const props = (): LibraryViewProps => ({
    t,
    locale: env.locale,
    mode: env.mode,
    dark: dark(),
    current: currentView(),
    query,
    unread,
    tag,
    counts,
    tags,
    items,
    loading,
    searching: shown.trim().length >= 2,
    total,
    complete,
    active,
    focusActive,
    selecting,
    selected,
    panel,
    busy,
    toast,
    hrefOf: (item) => (item.needsContent ? item.url : env.savedUrl(item.id)),
    onQuery: (q) => {
      query = q;
      loadBodies();
      paint();
      void track(refreshItems());
    },
    onUnread: (on) => {
      unread = on;
      void track(refreshItems());
    },
    onTag: (next) => {
      tag = next;
      void track(refreshItems());
    },
    onOpen: (item, newTab) => {
      const url = item.needsContent ? item.url : env.savedUrl(item.id);
      if (env.mode === 'popup') {
        env.open(url, true);
        env.close();
      } else env.open(url, newTab);
    },
    onActive: (index, focus) => {
      if (index === active && focus === focusActive) return;
      active = index;
      focusActive = focus;
      paint();
    },
    onDelete: (item) => void track(remove([item.id])),
    onDeleteSelected: () => void track(remove(items.filter((i) => selected.has(i.id)).map((i) => i.id))),
    onToggleRead: (item) => void track(change(item, (l) => l.markRead(item.id, !item.read))),
    onTags: (item) => {
      panel = { kind: 'tags', item };
      paint();
    },
    onAddTag: (item, value) => void track(change(item, (l) => l.addTag(item.id, value)).then(refreshMeta)),
    onRemoveTag: (item, value) => void track(change(item, (l) => l.removeTag(item.id, value)).then(refreshMeta)),
    onSelect: (item) => {
      selecting = true;
      if (selected.has(item.id)) selected.delete(item.id);
      else selected.add(item.id);
      paint();
    },
    onSelecting: (on) => {
      selecting = on;
      if (!on) selected.clear();
      paint();
    },
    onNearEnd: () => void track(loadMore()),
    onPanel: (next) => {
      // A file chooser closes the toolbar popup: importing happens in the tab.
      if (next?.kind === 'import' && env.mode === 'popup') {
        env.openTab('panel=import');
        env.close();
        return;
      }
      if (next?.kind !== 'import-confirm') pendingImport = null;
      panel = next;
      paint();
    },
    onExport: (format, selectedOnly) => void track(exportAs(format, selectedOnly)),
    onImport: (file) => void track(importFrom(file)),
    onImportConfirm: () => void track(confirmImport()),
    onImportCancel: () => {
      pendingImport = null;
      panel = null;
      paint();
    },
    onReadPage: () => {
      if (!tab) return;
      void env.readTab(tab.id).finally(() => env.close());
    },
    onSavePage: () => {
      if (!tab || saving) return;
      void track(savePage());
    },
    onRemovePage: () => {
      if (savedId) void track(remove([savedId]));
    },
    onAutoClean: (on) => {
      const site = tab?.url && settings && siteFor ? siteFor(tab.url, settings) : null;
      if (!site) return;
      void env.saveSettings((s) => withAutoClean(s, site.site, on)).then((s) => {
        settings = s;
        paint();
      });
    },
    onUndo: () => void track(runUndo()),
    onDismissToast: () => say(null),
    onOpenTab: () => {
      env.openTab();
      env.close();
    },
    onOptions: () => {
      env.openOptions();
      env.close();
    },
    onPainted: () => perf.mark('jernih:list-painted'),
    highlight: shown.trim().length >= 2 ? shown : '',
    thumbnails,
  });

  const paint = () => render(<LibraryView {...props()} />, env.root);

  const say = (next: ToastView | null, onUndo: (() => Promise<void>) | null = null) => {
    toast = next;
    undo = onUndo;
    clearTimeout(toastTimer);
    if (next && next.kind !== 'error') {
      toastTimer = setTimeout(() => {
        toast = null;
        undo = null;
        paint();
      }, TOAST_MS);
    }
    paint();
  };

  const fail = (e: unknown) => {
    const quota = e instanceof LibraryError && e.code === 'quota';
    say({ kind: 'error', text: quota ? t('saveQuota') : t('libraryError', e instanceof Error ? e.message : String(e)) });
  };

  let opening: Promise<Library> | null = null;
  const library = (): Promise<Library> =>
    (opening ??= env.openLibrary().then(
      (l) => {
        lib = l;
        perf.mark('jernih:library-open');
        return l;
      },
      (e) => {
        opening = null;
        throw e;
      },
    ));

  // --- the list ----------------------------------------------------------------------------------------------

  const reloadList = async () => {
    const seq = ++listSeq;
    searchSeq++;
    const l = await library();
    const page = await l.list({ limit: firstPage(win, env.mode), unread, tag: tag ?? undefined });
    if (loading) perf.mark('jernih:list-loaded');
    if (seq !== listSeq || searching()) return;
    shown = '';
    items = page.items;
    next = page.next;
    total = items.length;
    complete = true;
    active = Math.min(active, items.length - 1);
    loading = false;
    paint();
  };

  const loadMore = async () => {
    if (loadingMore || !next || searching()) return;
    loadingMore = true;
    const seq = listSeq;
    try {
      const page = await (await library()).list({ limit: MORE_PAGE, after: next, unread, tag: tag ?? undefined });
      if (seq !== listSeq || searching()) return;
      items = [...items, ...page.items];
      next = page.next;
      paint();
    } finally {
      loadingMore = false;
    }
  };

  const runSearch = async () => {
    const seq = ++searchSeq;
    listSeq++;
    const q = query;
    const l = await library();
    const started = perf.now();
    const r = await l.search(q, { waitForBodies: false, unread, tag: tag ?? undefined, limit: SEARCH_LIMIT });
    if (seq !== searchSeq) return;
    shown = q;
    items = r.items;
    next = null;
    total = r.total;
    complete = r.complete;
    active = items.length ? 0 : -1;
    focusActive = false;
    loading = false;
    paint();
    perf.measure('jernih:search', { start: started, end: perf.now() });
    // Titles answered first; search again once the bodies' index is there.
    if (!r.complete) {
      await l.searchReady().catch(() => undefined);
      if (seq === searchSeq) await runSearch();
    }
  };

  const refreshItems = () => (searching() ? runSearch() : reloadList()).catch(fail);

  const refreshMeta = async () => {
    const l = await library();
    const [all, unreadCount, tagList] = await Promise.all([l.count(), l.count({ unread: true }), l.tags()]);
    counts = { all, unread: unreadCount };
    tags = tagList;
    if (tag && !tags.some((x) => x.tag === tag)) tag = null;
    paint();
  };

  // --- changing articles -------------------------------------------------------------------------------------

  const replace = (summary: ArticleSummary) => {
    items = items.map((i) => (i.id === summary.id ? summary : i));
    if (panel?.kind === 'tags' && panel.item.id === summary.id) panel = { kind: 'tags', item: summary };
  };

  const change = async (item: ArticleSummary, fn: (l: Library) => Promise<{ read: boolean; tags: string[]; position: { progress: number } }>) => {
    try {
      const r = await fn(await library());
      replace({ ...item, read: r.read, tags: [...r.tags], progress: r.position.progress });
      paint();
      void refreshMeta();
    } catch (e) {
      fail(e);
    }
  };

  const remove = async (ids: string[]) => {
    if (!ids.length) return;
    const l = await library();
    const gone: Removed[] = [];
    const undos: (() => Promise<unknown>)[] = [];
    try {
      for (const id of ids) {
        const index = items.findIndex((i) => i.id === id);
        undos.push((await l.delete(id)).undo);
        if (index >= 0) gone.push({ item: items[index], index });
      }
    } catch (e) {
      fail(e);
    }
    const goneIds = new Set(gone.map((g) => g.item.id));
    const pageWas = savedId !== null && ids.includes(savedId) && undos.length === ids.length ? savedId : null;
    if (pageWas) savedId = null;
    // The current page's article may be outside the rows loaded (a filter, a long list): its title from the record.
    const single = gone[0]?.item.title ?? (ids.length === 1 ? ((await l.get(ids[0]).catch(() => null))?.article.title ?? '') : null);
    items = items.filter((i) => !goneIds.has(i.id));
    for (const id of goneIds) selected.delete(id);
    if (active >= items.length) active = items.length - 1;
    total = Math.max(0, total - gone.length);
    const text = single !== null && ids.length === 1 ? t('libraryDeleted', single) : t('libraryDeletedMany', String(gone.length));
    say({ kind: 'info', text, undo: true }, async () => {
      for (const u of undos) await u();
      if (pageWas) savedId = pageWas;
      // Back where they were (ascending, so the indexes hold).
      for (const g of [...gone].sort((a, b) => a.index - b.index)) items.splice(Math.min(g.index, items.length), 0, g.item);
      total += gone.length;
      say({ kind: 'ok', text: t('libraryRestored') });
      void refreshMeta();
    });
    void refreshMeta();
  };

  const runUndo = async () => {
    const fn = undo;
    if (!fn) return;
    undo = null;
    try {
      await fn();
    } catch (e) {
      fail(e);
    }
  };

  // --- saving the current page ---------------------------------------------------------------------------------

  const savePage = async () => {
    if (!tab) return;
    saving = true;
    paint();
    let reply: SaveReply;
    try {
      reply = await env.saveTab(tab.id);
    } catch (e) {
      reply = { ok: false, code: 'error', message: t('saveFailed', e instanceof Error ? e.message : String(e)) };
    }
    saving = false;
    say(reply.ok ? { kind: reply.images.blocked || reply.images.failed ? 'info' : 'ok', text: savedMessage(reply, t) } : { kind: 'error', text: reply.message });
    if (!reply.ok) return;
    savedId = reply.id;
    await refreshItems();
    active = items.findIndex((i) => i.id === reply.id);
    paint();
    void refreshMeta();
  };

  /** Is the tab's page saved? Asked of the library's own lookup, by its normalized URL (canonical.ts). */
  const findSavedPage = async () => {
    const url = tab?.url;
    if (!url || !/^https?:/i.test(url)) return;
    const record = await (await library()).getByUrl(url).catch(() => null);
    savedId = record && record.deletedAt === null ? record.id : null;
    paint();
  };

  // --- export and import ---------------------------------------------------------------------------------------

  const exportAs = async (format: ExportFormat, selectedOnly: boolean) => {
    const ids = selectedOnly ? items.filter((i) => selected.has(i.id)).map((i) => i.id) : undefined;
    busy = t('libraryExporting');
    paint();
    try {
      const [l, io] = await Promise.all([library(), loadIo()]);
      const data =
        format === 'json' ? await io.exportJson(l, { ids }) : format === 'markdown' ? await io.exportMarkdownZip(l, { ids, doc }) : await io.exportEpub(l, { ids, doc, locale: env.locale });
      env.download(io.exportFileName(format), data, MIME[format]);
      busy = null;
      panel = null;
      say({ kind: 'ok', text: t('libraryExported', String(ids?.length ?? counts?.all ?? 0)) });
    } catch (e) {
      busy = null;
      fail(e);
    }
  };

  const importRefused = (e: unknown) => {
    if (e instanceof LibraryError && e.code === 'import-invalid') say({ kind: 'error', text: t('libraryImportRejected'), detail: e.message });
    else fail(e);
  };

  /** Reads, checks and plans the file, then shows the plan and asks (issue #14): nothing is written here. */
  const importFrom = async (file: File) => {
    busy = t('libraryImportChecking');
    paint();
    try {
      const io = await loadIo();
      // From the size alone, before the file is read into memory.
      io.assertImportSize(file.size);
      const bytes = new Uint8Array(await file.arrayBuffer());
      const prepared = await io.prepareImport(await library(), bytes, { doc });
      busy = null;
      pendingImport = prepared;
      panel = { kind: 'import-confirm', plan: planView(file.name, prepared) };
      paint();
    } catch (e) {
      busy = null;
      paint();
      importRefused(e);
    }
  };

  /** Merges the file whose plan the person confirmed; refused (unchanged) if the library changed meanwhile. */
  const confirmImport = async () => {
    const prepared = pendingImport;
    if (!prepared || busy) return;
    busy = t('libraryImporting');
    paint();
    try {
      const [l, io] = await Promise.all([library(), loadIo()]);
      const r = await io.applyImport(l, prepared);
      busy = null;
      pendingImport = null;
      panel = null;
      say({ kind: 'ok', text: t('libraryImported', [String(r.added), String(r.updated + r.replaced), String(r.skipped)]) });
      await Promise.all([refreshItems(), refreshMeta()]);
    } catch (e) {
      busy = null;
      pendingImport = null;
      panel = null;
      importRefused(e);
    }
  };

  // --- keyboard ------------------------------------------------------------------------------------------------

  const typing = (el: EventTarget | null) => {
    const e = el as HTMLElement | null;
    return !!e && (e.tagName === 'INPUT' || e.tagName === 'TEXTAREA' || e.tagName === 'SELECT' || e.isContentEditable);
  };

  const onKey = (e: KeyboardEvent) => {
    if (e.defaultPrevented) return;
    if (e.key === 'Escape') {
      if (panel) {
        e.preventDefault();
        // Closing the plan of an import cancels it: nothing was written.
        pendingImport = null;
        panel = null;
        return paint();
      }
      if (query) {
        e.preventDefault();
        query = '';
        paint();
        void track(refreshItems());
        return;
      }
      if (selecting) {
        e.preventDefault();
        selecting = false;
        selected.clear();
        return paint();
      }
      return;
    }
    if ((e.ctrlKey || e.metaKey) && (e.key === 'z' || e.key === 'Z') && !typing(e.target) && undo) {
      e.preventDefault();
      void track(runUndo());
      return;
    }
    if (e.key === '/' && !typing(e.target) && !panel) {
      e.preventDefault();
      (env.root.querySelector('[data-action="search"]') as HTMLElement | null)?.focus();
    }
  };

  // --- start ---------------------------------------------------------------------------------------------------

  perf.mark('jernih:start');
  doc.addEventListener('keydown', onKey);
  paint();
  // The list first: nothing else waits for it, and it waits for nothing else.
  const ready = track(reloadList().catch(fail));
  void ready.then(async () => {
    // After the first paint: the counts and tags (they read every key: the list would wait behind them), the titles'
    // search index, and the trash (only when there is one: emptying it writes). The bodies' index (tens of MB for a
    // big library) loads when the person starts typing; until then a query answers from titles, sites and tags.
    void track(refreshMeta().catch(() => undefined));
    const idle = (fn: () => void) => (win.requestIdleCallback ? win.requestIdleCallback(fn, { timeout: 500 }) : setTimeout(fn, 50));
    idle(() => {
      void lib?.searchStore.index('heads').catch(() => undefined);
      void lib
        ?.count({ trashed: true })
        .then((n) => (n ? lib?.purge({ olderThanMs: TRASH_KEEP_MS }) : 0))
        .catch(() => undefined);
    });
  });
  void track(
    env.loadSettings().then((s) => {
      settings = s;
      paint();
    }),
  );
  env.watchSettings((s) => {
    settings = s;
    paint();
  });
  win.matchMedia?.('(prefers-color-scheme: dark)').addEventListener?.('change', () => paint());
  if (env.currentTab) {
    void track(
      env.currentTab().then((x) => {
        tab = x;
        paint();
        return findSavedPage();
      }, () => undefined),
    );
    // The site rules (for the page's auto-clean switch) after the list.
    void track(
      ready
        .then(() => import('../reader/autoclean'))
        .then((autoclean) => {
          siteFor = autoclean.siteFor;
          paint();
        }, () => undefined),
    );
  }
  // A tab of the library comes back after reading: read marks and positions may have changed.
  if (env.mode === 'tab') {
    doc.addEventListener('visibilitychange', () => {
      if (doc.visibilityState === 'visible' && !loading) void track(Promise.all([refreshItems(), refreshMeta()]));
    });
  }

  return {
    ready: ready.then(() => undefined),
    view: props,
    async idle() {
      while (pending.size) await Promise.allSettled([...pending]);
    },
  };
}

/** What the plan panel shows of a prepared import. */
function planView(fileName: string, prepared: PreparedImport): ImportPlanView {
  const { plan } = prepared;
  const titles = (action: 'replace' | 'update') =>
    plan.steps
      .filter((s) => s.action === action)
      .slice(0, PLAN_TITLES)
      .map((s) => s.title || s.url);
  return {
    fileName,
    total: prepared.items.length + prepared.skipped,
    added: plan.added,
    updated: plan.updated,
    replaced: plan.replaced,
    skipped: plan.skipped + prepared.skipped,
    replacedTitles: titles('replace'),
    updatedTitles: titles('update'),
  };
}
