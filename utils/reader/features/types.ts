/**
 * What a reader feature is, and what the reader's core gives it. The core (utils/reader/controller.tsx) keeps the
 * reader's state, paints ReaderView and runs open/close; each feature (appearance keys, read aloud, fixing the
 * page, report, print, page joining, translate) is a module in this folder that returns a `ReaderFeature` and is
 * listed once in features/index.ts. Features import their types from here, never from the controller (no cycles).
 */
import type { Article } from '../../extract';
import type { Settings, SettingsPatch, UserRule } from '../../settings';
import type { PanelName, ReaderViewProps, ToolbarAction, ViewEvent } from '@/components/ReaderView';
import type { Translate } from '@/components/i18n';
import type { ReaderReply } from '../../messages';
import type { SiteSwitch } from '../site-switch';
import type { ReaderAction } from '../keymap';
import type { FontEnv } from '../fonts';
import type { SpeechEngine } from '../speech';
import type { Swap } from '../swap';
import type { ReaderTranslation } from '../translate';

export type UserRuleInput = { body?: string; remove?: string[] };

export interface ReaderEnv {
  doc: Document;
  win: Window & typeof globalThis;
  t: Translate;
  locale?: string;
  loadSettings: () => Promise<Settings>;
  saveSettings: (patch: SettingsPatch | ((s: Settings) => SettingsPatch)) => Promise<Settings>;
  /** Subscribes to settings changed elsewhere; returns the unsubscribe function. */
  watchSettings: (cb: (s: Settings) => void) => () => void;
  /** Fetches another page of a multi-page article; without it, the reader shows the page it has. */
  fetchPage?: (url: string) => Promise<string>;
  extract?: (doc: Document, url: string, userRule?: UserRuleInput, gate?: boolean) => Article | null;
  /** The speech engine, asked for when reading starts (null: the browser cannot speak). */
  speech?: () => SpeechEngine | null;
  /** Loads bundled fonts into the page (absent: system fonts only). */
  fonts?: Omit<FontEnv, 'doc'>;
  /** Copies text to the clipboard; called inside the click. Default: the Clipboard API, then execCommand. */
  copyText?: (text: string) => Promise<boolean>;
  /** The extension's version, for reports. */
  version?: string;
  /**
   * More toolbar actions for this article (Save, Library, Translate: see components/reader-types.ts ToolbarAction).
   * Called on every paint; `ui` repaints (after the action's state changed) and says a short message.
   */
  actions?: (article: Article, ui: ReaderUi) => ToolbarAction[];
  /** Changes the body's sanitized nodes before they are shown (a saved article points its images at stored copies). */
  prepareBody?: (fragment: DocumentFragment) => void;
  /** Called after the reader closed (the saved-article page goes back to the library). */
  onClose?: () => void;
  /** Offer "Pick the article", "Remove a block" and "Report a problem" (default true; not for a saved article). */
  fixable?: boolean;
  /** Another name for Exit (a saved article goes back to the library). */
  exitLabel?: string;
  /** Translation of the shown article (utils/reader/translate.ts); adds the Translate button. */
  translation?: ReaderTranslation;
  /** The Translate button's icon. */
  translateIcon?: () => import('preact').ComponentChildren;
  /** Unit tests only (jsdom events are all synthetic): let untrusted events start actions (trusted-input.ts). */
  acceptSyntheticEvents?: boolean;
  /** Opens the saved articles (the library popup): offered by the no-article notice. */
  openLibrary?: () => void;
}

/** What an action may do to the open reader. */
export interface ReaderUi {
  repaint(): void;
  say(text: string): void;
}

export interface OpenOptions {
  /**
   * Opened by auto-clean on a supported site: `site` is the key of its switch (rule id or host) and `label`
   * the name shown ("kompas.com"). The reader then offers "Show original" and the switch.
   */
  auto?: SiteSwitch;
}

export interface ReaderController {
  toggle(): Promise<ReaderReply>;
  open(options?: OpenOptions): Promise<ReaderReply>;
  close(): ReaderReply;
  readonly isOpen: boolean;
  /**
   * The article as the reader shows it (once its other pages are joined), or, with the reader closed, as it
   * would show it: extracted now with the user's rule, other pages joined. Null: no article. For saving.
   */
  readArticle(): Promise<Article | null>;
}

/**
 * The reader's core, as a feature sees it. State members are live (read them when needed, do not keep copies);
 * assigning one changes the core's state without repainting: call `paint()` after.
 */
export interface ReaderCore {
  readonly env: ReaderEnv;
  /** The page's address as the reader took it (the key of the user's site rules). */
  url: string;
  /** The article shown (null while the reader is closed, or while the page is handed to the picker). */
  article: Article | null;
  settings: Settings;
  /** The user's stored rule for this site, as the reader opened with it (null: none). */
  baseRule: UserRule | null;
  /** The panel open over the reader. */
  panel: PanelName | null;
  /** The reader in the page: its shadow root and the page's own body (null: the page shows). */
  readonly swap: Swap | null;
  /** The reader's scrolling element. */
  view(): HTMLElement | null;
  /** The shown article body. */
  body(): HTMLElement | null;
  /** Renders the reader again from the state (a no-op while it is not in the page). */
  paint(): void;
  /** A short message in the live region, gone after a few seconds (repaints). */
  say(text: string | null): void;
  /** Changes settings as the person did (repaints, saves). */
  update(patch: SettingsPatch): void;
  /** Opens a panel, or closes it with null (repaints, tells the features' `panelOpened`). */
  setPanel(panel: PanelName | null): void;
  /** The toolbar button that the key `shortcut` triggers, if the reader shows one. */
  toolbarAction(shortcut: ReaderAction): ToolbarAction | undefined;
  /** Extracts the article with the engine the reader uses (tests pass their own). */
  extract(doc: Document, url: string, userRule?: UserRuleInput, gate?: boolean): Article | null;
  /** Puts the reader in the page and paints `article` (again, after the page was handed to the picker). */
  mount(): void;
  /** Takes the reader out and gives the page back; the state stays (every feature's `unmounted` runs). */
  unmount(): void;
  /**
   * Shows `article` as a newly opened reader: the site's switch, mount, then every feature's `opened`. `auto`:
   * opened by auto-clean with this switch.
   */
  show(article: Article, auto?: SiteSwitch): void;
  /** Clears what the reader showed besides the article (panel, message, and every feature's `reset`). */
  reset(): void;
  /** Remembers the element focused now, to give the focus back when the reader closes. */
  rememberFocus(): void;
}

/**
 * One feature of the open reader. Every member is optional; the core calls each at the moment its comment says,
 * for every registered feature, in the order of features/index.ts.
 */
export interface ReaderFeature {
  /** The ViewEvents (toolbar and panel buttons, keys) this feature handles; the core sends each to `run`. */
  readonly events?: readonly ViewEvent[];
  /** Does one of `events`. */
  run?(event: ViewEvent): void | Promise<void>;
  /** Buttons added to the toolbar's action group, after the embedder's (env.actions). Asked on every paint. */
  actions?(article: Article): ToolbarAction[];
  /** The ReaderView props this feature provides (its state and its callbacks). Asked on every paint. */
  props?(): Partial<ReaderViewProps>;
  /**
   * Whether the key for `action` does something now (a key that is not available is left to the page).
   * Return undefined for a key that is not this feature's.
   */
  available?(action: ReaderAction): boolean | undefined;
  /** Esc with no panel open: leave this feature's mode and return true, or return false to let Esc go on. */
  escape?(): boolean;
  /** A panel was opened or closed (after the repaint). */
  panelOpened?(panel: PanelName | null): void;
  /** The person changed settings in the reader (before the repaint). */
  settingsChanged?(patch: SettingsPatch): void;
  /** The reader was put in the page (open, or back after picking). */
  mounted?(): void;
  /** The reader is being taken out of the page: stop what runs, remove listeners. */
  unmounted?(): void;
  /** open() looked for an article (`found`: it has one) and will show it unless another reader is up. */
  extracted?(found: boolean, options: OpenOptions): void;
  /** open() is about to show an article; the live page is still the site's (the last moment to copy it). */
  opening?(): void;
  /** A new reader shows (after mount): by open(), or by a pick on the page. */
  opened?(): void;
  /** The reader closed (after unmount). */
  closed?(): void;
  /** Forget what this feature showed for the last article (on open, on close). */
  reset?(): void;
  /** This feature has the page instead of the reader (the picker): the reader counts as open. */
  holdsPage?(): boolean;
  /** Close asked while this feature holds the page: give it back and return true; false when it does not hold it. */
  cancel?(): boolean;
  /** The toolbar button pressed with no reader: close this feature's notice and return true, if it shows one. */
  dismiss?(): boolean;
  /** Resolves once the feature's background work on the shown article is done (readArticle waits for it). */
  settled?(): Promise<void>;
}
