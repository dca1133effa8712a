/**
 * What the library page's parts share (page.tsx keeps it and wires them): the browser behind `env`, the state the
 * view is drawn from, and the few helpers every part uses (paint, track, the library, messages).
 */
import type { LibraryPanel, ToastView } from '@/components/library-types';
import type { Translate } from '@/components/i18n';
import type { Library } from '../library/library';
import type { ArticleSummary } from '../library/types';
import type { PreparedImport } from '../library/import';
import type { Settings, SettingsPatch } from '../settings';
import type { OpenOptions } from '../reader/controller';
import type { SaveReply } from '../messages';

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

export type SiteFor = (url: string, settings: Settings) => OpenOptions['auto'] | null;

/** What the view shows, and what it is drawn from. */
export interface PageState {
  settings: Settings | null;
  tab: { id: number; url?: string } | null;
  /** The site rules (for the current page's auto-clean switch): they load with the current tab, after the list. */
  siteFor: SiteFor | null;
  loading: boolean;
  query: string;
  /** The query whose results the list shows ('' while it shows the list): typing runs ahead of the results. */
  shown: string;
  unread: boolean;
  tag: string | null;
  items: ArticleSummary[];
  next: string | null;
  total: number;
  complete: boolean;
  counts: { all: number; unread: number } | null;
  tags: { tag: string; count: number }[];
  active: number;
  focusActive: boolean;
  selecting: boolean;
  readonly selected: Set<string>;
  panel: LibraryPanel | null;
  busy: string | null;
  toast: ToastView | null;
  saving: boolean;
  /** The current tab's page is in the library (not the trash): its id. The popup then offers Remove, not Save. */
  savedId: string | null;
  /** A file read, checked and planned, waiting for the person's answer: nothing of it is written before. */
  pendingImport: PreparedImport | null;
}

export function initialState(initialPanel: LibraryPageEnv['initialPanel']): PageState {
  return {
    settings: null,
    tab: null,
    siteFor: null,
    loading: true,
    query: '',
    shown: '',
    unread: false,
    tag: null,
    items: [],
    next: null,
    total: 0,
    complete: true,
    counts: null,
    tags: [],
    active: -1,
    focusActive: false,
    selecting: false,
    selected: new Set<string>(),
    panel: initialPanel ? { kind: initialPanel } : null,
    busy: null,
    toast: null,
    saving: false,
    savedId: null,
    pendingImport: null,
  };
}

export interface PageContext {
  env: LibraryPageEnv;
  state: PageState;
  /** Draws the view from the state. */
  paint: () => void;
  /** Counts the work as under way (LibraryPage.idle waits for it). */
  track: <T>(p: Promise<T>) => Promise<T>;
  /** The library, opened on first use. */
  library: () => Promise<Library>;
  /** Shows a message (null: none); with `onUndo`, its Undo runs that. */
  say: (toast: ToastView | null, onUndo?: (() => Promise<void>) | null) => void;
  /** Shows an error. */
  fail: (e: unknown) => void;
}
