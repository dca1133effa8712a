/**
 * Shapes of the library page's view (components/LibraryView.tsx and its parts): state comes in as props, what the
 * person does goes out as events. The page's controller (utils/library-ui/page.tsx) fills them.
 */
import type { ArticleSummary } from '@/utils/library/types';
import type { ThumbnailSource } from '@/utils/library-ui/thumbnails';
import type { Translate } from './i18n';

export type ExportFormat = 'json' | 'markdown' | 'epub';

export interface CurrentPageView {
  /** The page's site, shown in the card; null when it is not known. */
  host: string | null;
  /** Jernih can run there (a web page, not a browser page). */
  canRun: boolean;
  saving: boolean;
  /** The page is already in the library: the card says so and offers Remove instead of Save. */
  saved?: boolean;
  /** On a supported site: its auto-clean switch. */
  auto: { label: string; on: boolean } | null;
}

/** What an import would do (the plan of issue #14), shown before anything is written. */
export interface ImportPlanView {
  fileName: string;
  /** Entries in the file. */
  total: number;
  added: number;
  /** Saved articles that would gain tags. */
  updated: number;
  /** Saved articles the file's newer copy would replace. */
  replaced: number;
  skipped: number;
  /** Titles, as the library shows them, of the saved articles replaced and updated (the first ones). */
  replacedTitles: string[];
  updatedTitles: string[];
}

export type LibraryPanel =
  | { kind: 'export' }
  | { kind: 'import' }
  | { kind: 'import-confirm'; plan: ImportPlanView }
  | { kind: 'tags'; item: ArticleSummary };

export interface ToastView {
  kind: 'ok' | 'error' | 'info';
  text: string;
  /** A second line (a technical reason). */
  detail?: string;
  undo?: boolean;
}

export interface LibraryViewProps {
  t: Translate;
  locale?: string;
  mode: 'popup' | 'tab';
  dark: boolean;
  current: CurrentPageView | null;
  query: string;
  unread: boolean;
  tag: string | null;
  counts: { all: number; unread: number } | null;
  tags: { tag: string; count: number }[];
  items: ArticleSummary[];
  /** The first list is not there yet. */
  loading: boolean;
  /** A search is shown (the query has two letters or more): `total` matches, `complete` once bodies were searched. */
  searching: boolean;
  total: number;
  complete: boolean;
  active: number;
  focusActive: boolean;
  selecting: boolean;
  selected: ReadonlySet<string>;
  panel: LibraryPanel | null;
  /** Long work under way (export, import): its message. */
  busy: string | null;
  toast: ToastView | null;
  hrefOf: (item: ArticleSummary) => string;
  onQuery: (q: string) => void;
  onUnread: (unread: boolean) => void;
  onTag: (tag: string | null) => void;
  onOpen: (item: ArticleSummary, newTab: boolean) => void;
  onActive: (index: number, focus: boolean) => void;
  onDelete: (item: ArticleSummary) => void;
  onDeleteSelected: () => void;
  onToggleRead: (item: ArticleSummary) => void;
  onTags: (item: ArticleSummary) => void;
  onAddTag: (item: ArticleSummary, tag: string) => void;
  onRemoveTag: (item: ArticleSummary, tag: string) => void;
  onSelect: (item: ArticleSummary) => void;
  onSelecting: (on: boolean) => void;
  onNearEnd: () => void;
  onPanel: (panel: LibraryPanel | null) => void;
  onExport: (format: ExportFormat, selectedOnly: boolean) => void;
  onImport: (file: File) => void;
  /** Merge the file whose plan is shown. */
  onImportConfirm: () => void;
  /** Drop it: nothing is written. */
  onImportCancel: () => void;
  onReadPage: () => void;
  onSavePage: () => void;
  /** Takes the current page's article out of the library (with Undo, as a delete from the list). */
  onRemovePage?: () => void;
  onAutoClean: (on: boolean) => void;
  onUndo: () => void;
  onDismissToast: () => void;
  onOpenTab: () => void;
  onOptions: () => void;
  onPainted?: () => void;
  /** The search whose results are listed ('' otherwise): the rows mark its words. */
  highlight?: string;
  /** Small copies of the stored lead pictures for the rows. */
  thumbnails?: ThumbnailSource;
}
