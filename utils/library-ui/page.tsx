/**
 * The library page (library.html): the toolbar popup, or the same page in a tab for big libraries. It owns the
 * state (list or search results, filters, selection, panels, the undo of the last delete) and talks to the library
 * directly (IndexedDB of the extension's origin) and to the browser through `env`, so it runs in unit tests with
 * fake-indexeddb and jsdom. components/LibraryView.tsx draws it. The parts are beside it: page-list.ts (list,
 * paging, search, counts), page-articles.ts (read marks, tags, delete, selection), page-transfer.ts (export and
 * import), page-current.ts (the popup's current page), page-notices.ts (messages, Undo), page-keys.ts (keys).
 *
 * Speed (DESIGN.md: 10,000 articles, list painted under 150 ms, search under 30 ms a keystroke): the first page of
 * summaries is read and painted before anything else (settings, the current tab, counts and tags come after);
 * the list is windowed and pages in more as it scrolls; the search indexes load once the list is painted, and a
 * query answers from titles at once and again with bodies when their index is there.
 */
import { render } from 'preact';
import { LibraryView, THUMB_SIZE } from '@/components/LibraryView';
import type { LibraryViewProps } from '@/components/library-types';
// Deep imports, not the library's index: the index brings export and import, which load only when used (io.ts).
import type { Library } from '../library/library';
import { browserShrink, thumbnailSource, type ThumbnailSource } from './thumbnails';
import { initialState, type LibraryPageEnv, type PageContext } from './page-context';
import { createListing } from './page-list';
import { createNotices } from './page-notices';
import { createArticleActions } from './page-articles';
import { createTransfer } from './page-transfer';
import { createCurrentPage } from './page-current';
import { pageKeys } from './page-keys';

export type { LibraryPageEnv } from './page-context';

export interface LibraryPage {
  /** Resolves once the first list is on screen. */
  ready: Promise<void>;
  /** For tests: the current view props. */
  view(): LibraryViewProps;
  /** Waits for the work under way (search, list, save, import...). */
  idle(): Promise<void>;
}

/** Deleted articles stay in the trash this long (the undo of a delete made in another popup), then go for good. */
const TRASH_KEEP_MS = 24 * 3600 * 1000;

export function startLibraryPage(env: LibraryPageEnv): LibraryPage {
  const { t, win, doc } = env;
  const perf = win.performance;
  const state = initialState(env.initialPanel);
  let lib: Library | null = null;

  // Work under way: idle() waits for it.
  const pending = new Set<Promise<unknown>>();
  const track = <T,>(p: Promise<T>): Promise<T> => {
    pending.add(p);
    void p.finally(() => pending.delete(p)).catch(() => undefined);
    return p;
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

  const paint = () => render(<LibraryView {...props()} />, env.root);
  const notices = createNotices(state, paint, t);
  const ctx: PageContext = { env, state, paint, track, library, say: notices.say, fail: notices.fail };
  const listing = createListing(ctx);
  const articles = createArticleActions(ctx, listing);
  const transfer = createTransfer(ctx, listing);
  const current = createCurrentPage(ctx, listing, articles.remove);
  const { refreshItems, refreshMeta } = listing;

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

  const dark = () => {
    const theme = state.settings?.theme ?? 'auto';
    if (theme === 'dark' || theme === 'black' || theme === 'contrast') return true;
    if (theme === 'auto') return !!win.matchMedia?.('(prefers-color-scheme: dark)').matches;
    return false;
  };

  const props = (): LibraryViewProps => ({
    t,
    locale: env.locale,
    mode: env.mode,
    dark: dark(),
    current: current.view(),
    query: state.query,
    unread: state.unread,
    tag: state.tag,
    counts: state.counts,
    tags: state.tags,
    items: state.items,
    loading: state.loading,
    searching: state.shown.trim().length >= 2,
    total: state.total,
    complete: state.complete,
    active: state.active,
    focusActive: state.focusActive,
    selecting: state.selecting,
    selected: state.selected,
    panel: state.panel,
    busy: state.busy,
    toast: state.toast,
    hrefOf: (item) => (item.needsContent ? item.url : env.savedUrl(item.id)),
    onQuery: (q) => {
      state.query = q;
      listing.loadBodies();
      paint();
      void track(refreshItems());
    },
    onUnread: (on) => {
      state.unread = on;
      void track(refreshItems());
    },
    onTag: (next) => {
      state.tag = next;
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
      if (index === state.active && focus === state.focusActive) return;
      state.active = index;
      state.focusActive = focus;
      paint();
    },
    ...articles.handlers,
    onNearEnd: () => void track(listing.loadMore()),
    ...transfer.handlers,
    ...current.handlers,
    onUndo: () => void track(notices.runUndo()),
    onDismissToast: () => notices.say(null),
    onOpenTab: () => {
      env.openTab();
      env.close();
    },
    onOptions: () => {
      env.openOptions();
      env.close();
    },
    onPainted: () => perf.mark('jernih:list-painted'),
    highlight: state.shown.trim().length >= 2 ? state.shown : '',
    thumbnails,
  });

  // --- start ---------------------------------------------------------------------------------------------------

  perf.mark('jernih:start');
  doc.addEventListener('keydown', pageKeys(ctx, { closePanel: transfer.closePanel, refreshItems, canUndo: notices.canUndo, runUndo: notices.runUndo }));
  paint();
  // The list first: nothing else waits for it, and it waits for nothing else.
  const ready = track(refreshItems());
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
      state.settings = s;
      paint();
    }),
  );
  env.watchSettings((s) => {
    state.settings = s;
    paint();
  });
  win.matchMedia?.('(prefers-color-scheme: dark)').addEventListener?.('change', () => paint());
  if (env.currentTab) {
    void track(
      env.currentTab().then((x) => {
        state.tab = x;
        paint();
        return current.findSavedPage();
      }, () => undefined),
    );
    // The site rules (for the page's auto-clean switch) after the list.
    void track(
      ready
        .then(() => import('../reader/site-switch'))
        .then((sites) => {
          state.siteFor = sites.siteFor;
          paint();
        }, () => undefined),
    );
  }
  // A tab of the library comes back after reading: read marks and positions may have changed.
  if (env.mode === 'tab') {
    doc.addEventListener('visibilitychange', () => {
      if (doc.visibilityState === 'visible' && !state.loading) void track(Promise.all([refreshItems(), refreshMeta()]));
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
