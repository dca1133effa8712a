/**
 * The list of saved articles, windowed: only the rows in view (and a few around them) are in the DOM, so 10,000
 * articles paint as fast as 10. Rows have one fixed height (their text is clamped), which makes the window a
 * matter of arithmetic. Keyboard: the rows' links are one tab stop (roving tabindex); arrows, Home/End and
 * Page Up/Down move between them, Enter opens, Delete deletes, R marks read, T tags, Space selects.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ArticleSummary } from '@/utils/library/types';
import type { Translate } from './i18n';
import { safeUrl } from '@/utils/safe-url';
import { formatListDate } from '@/utils/locale-format';
import { IconCheck, IconCircle, IconTag, IconTrash } from './library-icons';
import { highlightRanges, splitByRanges } from '@/utils/library/highlight';
import type { ThumbnailSource } from '@/utils/library-ui/thumbnails';

export interface LibraryListProps {
  t: Translate;
  locale?: string;
  items: ArticleSummary[];
  rowHeight: number;
  /** Index of the row that takes the focus (and the keyboard's actions); -1 for none. */
  active: number;
  /** Move the focus to the active row (after a key press), rather than only marking it. */
  focusActive: boolean;
  selecting: boolean;
  selected: ReadonlySet<string>;
  /** Link of a row (saved.html?id=…, or the original page of a link-only entry). */
  hrefOf: (item: ArticleSummary) => string;
  /** The list shows these ids as being deleted (for the moment before they leave). */
  onOpen: (item: ArticleSummary, newTab: boolean) => void;
  onActive: (index: number, focus: boolean) => void;
  onDelete: (item: ArticleSummary) => void;
  onToggleRead: (item: ArticleSummary) => void;
  onTags: (item: ArticleSummary) => void;
  onSelect: (item: ArticleSummary) => void;
  /** The end of what is loaded is near: load the next page. */
  onNearEnd: () => void;
  /** Up from the first row: back to the search box. */
  onLeaveTop: () => void;
  /** Called once with the time (performance.now) rows were first painted. */
  onPainted?: () => void;
  /** The search whose results are listed: its words are marked in the rows ('' when the list is not a search). */
  highlight?: string;
  /** Small copies of the stored lead pictures (none: rows show a plain tile). */
  thumbnails?: ThumbnailSource;
}

const OVERSCAN = 6;

export function LibraryList(p: LibraryListProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [top, setTop] = useState(0);
  const [height, setHeight] = useState(600);
  const painted = useRef(false);
  const { rowHeight: rh, items } = p;

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setHeight(el.clientHeight || 600);
    const RO = el.ownerDocument.defaultView?.ResizeObserver;
    if (!RO) return;
    const ro = new RO(() => setHeight(el.clientHeight || 600));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // Rows painted for the first time: tell whoever measures (the bench's "list painted" figure).
  useEffect(() => {
    if (painted.current || !items.length || !p.onPainted) return;
    painted.current = true;
    const win = ref.current?.ownerDocument.defaultView;
    if (win?.requestAnimationFrame) win.requestAnimationFrame(() => p.onPainted?.());
    else p.onPainted?.();
  }, [items.length]);

  // Keep the active row in view; give it the focus when the keyboard moved it.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || p.active < 0) return;
    const y = p.active * rh;
    if (y < el.scrollTop) el.scrollTop = y;
    else if (y + rh > el.scrollTop + el.clientHeight) el.scrollTop = y + rh - el.clientHeight;
    setTop(el.scrollTop);
    if (p.focusActive) (el.querySelector(`[data-index="${p.active}"] .open`) as HTMLElement | null)?.focus({ preventScroll: true });
  }, [p.active, p.focusActive, items]);

  // Near the end of what is loaded: ask for more (also when the first page does not fill the view).
  useEffect(() => {
    if ((top + height) / rh > items.length - 15) p.onNearEnd();
  }, [top, height, items.length]);

  const onScroll = () => {
    const el = ref.current;
    if (el) setTop(el.scrollTop);
  };

  const first = Math.max(0, Math.floor(top / rh) - OVERSCAN);
  const last = Math.min(items.length, Math.ceil((top + height) / rh) + OVERSCAN);
  const page = Math.max(1, Math.floor(height / rh) - 1);

  const onKeyDown = (e: KeyboardEvent, i: number, item: ArticleSummary) => {
    if (e.altKey || e.metaKey || (e.target as HTMLElement).tagName === 'INPUT') return;
    const to = (n: number) => {
      e.preventDefault();
      p.onActive(Math.max(0, Math.min(items.length - 1, n)), true);
    };
    switch (e.key) {
      case 'ArrowDown':
        return to(i + 1);
      case 'ArrowUp':
        if (i === 0) {
          e.preventDefault();
          return p.onLeaveTop();
        }
        return to(i - 1);
      case 'Home':
        return to(0);
      case 'End':
        return to(items.length - 1);
      case 'PageDown':
        return to(i + page);
      case 'PageUp':
        return to(i - page);
    }
    if (e.ctrlKey) return;
    const act = (fn: (x: ArticleSummary) => void) => {
      e.preventDefault();
      fn(item);
    };
    if (e.key === 'Delete' || e.key === 'Backspace') return act(p.onDelete);
    if (e.key === 'r' || e.key === 'R') return act(p.onToggleRead);
    if (e.key === 't' || e.key === 'T') return act(p.onTags);
    if (e.key === ' ') return act(p.onSelect);
  };

  const rows = [];
  for (let i = first; i < last; i++) {
    const item = items[i];
    rows.push(
      <Row
        key={item.id}
        {...p}
        item={item}
        index={i}
        tabbable={i === (p.active >= 0 ? p.active : 0)}
        onKeyDown={(e) => onKeyDown(e, i, item)}
      />,
    );
  }
  return (
    <div class="list" ref={ref} onScroll={onScroll}>
      <p class="sr" id="library-keys">
        {p.t('libraryKeysHint')}
      </p>
      <ul class="rows" style={{ height: `${items.length * rh}px` }} aria-label={p.t('libraryTitle')}>
        {rows}
      </ul>
    </div>
  );
}

interface RowProps extends LibraryListProps {
  item: ArticleSummary;
  index: number;
  tabbable: boolean;
  onKeyDown: (e: KeyboardEvent) => void;
}

function Row(p: RowProps) {
  const { t, item, index } = p;
  const selected = p.selected.has(item.id);
  const site = item.siteName || hostOf(item.url);
  const date = rowDate(item, t, p.locale);
  const q = p.highlight ?? '';
  // The author, unless it only repeats the site ("Kompas.com · Kompas.com").
  const byline = item.byline?.trim() && item.byline.trim().toLowerCase() !== site.toLowerCase() ? item.byline.trim() : null;
  return (
    <li
      class={`row${item.read ? ' read' : ' unread'}${index === p.active ? ' active' : ''}${selected ? ' selected' : ''}`}
      data-index={index}
      data-id={item.id}
      style={{ top: `${index * p.rowHeight}px`, height: `${p.rowHeight}px` }}
      aria-setsize={p.items.length}
      aria-posinset={index + 1}
      onMouseEnter={() => p.onActive(index, false)}
    >
      {p.selecting ? (
        <input
          type="checkbox"
          class="pick"
          checked={selected}
          aria-label={t('librarySelectArticle', item.title)}
          onChange={() => p.onSelect(item)}
          tabIndex={-1}
        />
      ) : (
        <span class={`dot${item.read ? '' : ' on'}`} aria-hidden="true" />
      )}
      <a
        class="open"
        href={safeUrl(p.hrefOf(item), { base: globalThis.location?.href }) ?? undefined}
        tabIndex={p.tabbable ? 0 : -1}
        aria-describedby="library-keys"
        aria-keyshortcuts="Delete R T Space"
        onFocus={() => p.onActive(index, false)}
        onKeyDown={p.onKeyDown}
        onClick={(e) => {
          if (e.shiftKey || e.altKey) return;
          e.preventDefault();
          p.onOpen(item, e.ctrlKey || e.metaKey || e.button === 1);
        }}
        onAuxClick={(e) => {
          if (e.button !== 1) return;
          e.preventDefault();
          p.onOpen(item, true);
        }}
      >
        <Thumb item={item} site={site} source={p.thumbnails} />
        <span class="text">
          <span class="title">
            {!item.read && <span class="sr">{t('libraryUnreadMark')}: </span>}
            <Marked text={item.title} query={q} />
          </span>
          <span class="meta">
            <span class="site">
              <Marked text={site} query={q} />
            </span>
            <span>
              <time dateTime={date.iso}>{date.text}</time>
            </span>
            <span>{item.needsContent ? t('libraryLinkOnly') : t('readingTime', String(item.readingMinutes))}</span>
            {item.progress > 0 && item.progress < 1 && !item.read && (
              <span class="pct" role="img" aria-label={t('libraryProgress', String(Math.round(item.progress * 100)))}>
                <span class="bar" aria-hidden="true">
                  <span style={{ width: `${Math.round(item.progress * 100)}%` }} />
                </span>
                {Math.round(item.progress * 100)}%
              </span>
            )}
            {item.tags.map((tag) => (
              <span class="tag" key={`#${tag}`}>
                #{tag}
              </span>
            ))}
            {/* Last: in the narrow popup the author is what gives way (shortened, then left out), not the tags. */}
            {byline && (
              <span class="byline">
                <Marked text={byline} query={q} />
              </span>
            )}
          </span>
          {item.excerpt && (
            <span class="excerpt">
              <Marked text={item.excerpt} query={q} />
            </span>
          )}
        </span>
      </a>
      <span class="row-actions">
        <button
          type="button"
          class="icon-btn"
          data-action="toggle-read"
          // The row that takes Tab (roving) also lets Tab through its buttons, then on to the next control.
          tabIndex={p.tabbable ? 0 : -1}
          aria-label={item.read ? t('libraryMarkUnread') : t('libraryMarkRead')}
          title={`${item.read ? t('libraryMarkUnread') : t('libraryMarkRead')} (R)`}
          onClick={() => p.onToggleRead(item)}
        >
          {item.read ? <IconCircle /> : <IconCheck />}
        </button>
        <button type="button" class="icon-btn" data-action="tags" tabIndex={p.tabbable ? 0 : -1} aria-label={t('libraryAddTag')} title={`${t('libraryAddTag')} (T)`} onClick={() => p.onTags(item)}>
          <IconTag />
        </button>
        <button type="button" class="icon-btn danger" data-action="delete" tabIndex={p.tabbable ? 0 : -1} aria-label={t('libraryDelete')} title={`${t('libraryDelete')} (Delete)`} onClick={() => p.onDelete(item)}>
          <IconTrash />
        </button>
      </span>
    </li>
  );
}

/**
 * The row's picture: a small copy of the picture stored with the article (a blob: URL from the thumbnail source,
 * released when the row goes away or shows another article), else a plain tile with the site's initial. Decorative:
 * the title beside it names the link.
 */
function Thumb({ item, site, source }: { item: ArticleSummary; site: string; source?: ThumbnailSource }) {
  const [src, setSrc] = useState<string | null>(null);
  const [broken, setBroken] = useState(false);
  useEffect(() => {
    if (!source) return;
    const stop = new AbortController();
    let url: string | null = null;
    setBroken(false);
    void source.acquire(item, stop.signal).then((u) => {
      if (!u) return;
      if (stop.signal.aborted) return source.release(u);
      url = u;
      setSrc(u);
    });
    return () => {
      stop.abort();
      if (url) source.release(url);
      setSrc(null);
    };
  }, [source, item.id, item.updatedAt]);
  return (
    <span class="thumb" aria-hidden="true">
      {src && !broken ? <img src={src} alt="" decoding="async" onError={() => setBroken(true)} /> : <span class="initial">{initialOf(site)}</span>}
    </span>
  );
}

function initialOf(site: string): string {
  const m = /\p{L}|\p{N}/u.exec(site);
  return m ? m[0].toLocaleUpperCase() : '';
}

/** Text with the words of the search marked: text nodes and <mark> elements (never HTML). */
function Marked({ text, query }: { text: string; query: string }) {
  if (!query) return <>{text}</>;
  const ranges = highlightRanges(text, query);
  if (!ranges.length) return <>{text}</>;
  return <>{splitByRanges(text, ranges).map((part, i) => (part.mark ? <mark key={i}>{part.text}</mark> : part.text))}</>;
}

/** The date a row shows: the article's own date, else the day it was saved, said as such. */
function rowDate(item: ArticleSummary, t: Translate, locale: string | undefined): { iso: string; text: string } {
  const published = item.publishedTime ? Date.parse(item.publishedTime) : NaN;
  if (Number.isFinite(published)) return { iso: new Date(published).toISOString(), text: formatListDate(item.publishedTime!, locale, { zone: item.publishedZone }) };
  return { iso: new Date(item.savedAt).toISOString(), text: t('librarySavedOn', formatListDate(item.savedAt, locale)) };
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

// The one formatter of every view (utils/locale-format.ts): an article's ISO date falls on its page's day.
