/**
 * The library page's list and search: the first page of summaries (only what fills the view, so it paints fast),
 * more as the list scrolls, search as the person types (titles at once, again with bodies once their index is
 * loaded), and the counts and tags the filters show. Work runs ahead of the view: the latest request wins.
 */
import { ROW_HEIGHT } from '@/components/LibraryView';
import type { PageContext } from './page-context';

/** Rows read before the first paint: what fills the view, and a few more (the rest follows at once). */
const firstPage = (win: Window, mode: 'popup' | 'tab') => Math.min(60, Math.ceil((win.innerHeight || 600) / ROW_HEIGHT[mode]) + 4);
const MORE_PAGE = 200;
/** Results read per keystroke (each is a summary read from IndexedDB); the count of all matches is shown. */
const SEARCH_LIMIT = 100;

export interface Listing {
  /** The query is long enough to search (two letters or more): the rows are its results, not the list. */
  searching: () => boolean;
  /** The rows again, from the list or the search (a filter, the query or the library changed); errors shown. */
  refreshItems: () => Promise<void>;
  /** The next page of the list (it scrolled near its end). */
  loadMore: () => Promise<void>;
  /** The counts and tags of the filters (a tag filter no longer in use is dropped). */
  refreshMeta: () => Promise<void>;
  /** Loads the bodies' search index, once (the person started typing): a query then searches the full text. */
  loadBodies: () => void;
}

export function createListing({ env, state, paint, library, fail }: PageContext): Listing {
  const perf = env.win.performance;
  let listSeq = 0;
  let searchSeq = 0;
  let loadingMore = false;

  const searching = () => state.query.trim().length >= 2;

  let bodies: Promise<void> | null = null;
  const loadBodies = () => {
    bodies ??= library()
      .then((l) => l.searchReady())
      .then(
        () => void perf.mark('jernih:search-ready'),
        () => void (bodies = null),
      );
  };

  const reloadList = async () => {
    const seq = ++listSeq;
    searchSeq++;
    const l = await library();
    const page = await l.list({ limit: firstPage(env.win, env.mode), unread: state.unread, tag: state.tag ?? undefined });
    if (state.loading) perf.mark('jernih:list-loaded');
    if (seq !== listSeq || searching()) return;
    state.shown = '';
    state.items = page.items;
    state.next = page.next;
    state.total = state.items.length;
    state.complete = true;
    state.active = Math.min(state.active, state.items.length - 1);
    state.loading = false;
    paint();
  };

  const loadMore = async () => {
    if (loadingMore || !state.next || searching()) return;
    loadingMore = true;
    const seq = listSeq;
    try {
      const page = await (await library()).list({ limit: MORE_PAGE, after: state.next, unread: state.unread, tag: state.tag ?? undefined });
      if (seq !== listSeq || searching()) return;
      state.items = [...state.items, ...page.items];
      state.next = page.next;
      paint();
    } finally {
      loadingMore = false;
    }
  };

  const runSearch = async () => {
    const seq = ++searchSeq;
    listSeq++;
    const q = state.query;
    const l = await library();
    const started = perf.now();
    const r = await l.search(q, { waitForBodies: false, unread: state.unread, tag: state.tag ?? undefined, limit: SEARCH_LIMIT });
    if (seq !== searchSeq) return;
    state.shown = q;
    state.items = r.items;
    state.next = null;
    state.total = r.total;
    state.complete = r.complete;
    state.active = state.items.length ? 0 : -1;
    state.focusActive = false;
    state.loading = false;
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
    state.counts = { all, unread: unreadCount };
    state.tags = tagList;
    if (state.tag && !state.tags.some((x) => x.tag === state.tag)) state.tag = null;
    paint();
  };

  return { searching, refreshItems, loadMore, refreshMeta, loadBodies };
}
