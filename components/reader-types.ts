/** Shapes shared by the reader's components (state comes in as props; what the person does goes out as events). */
import type { ComponentChildren } from 'preact';
import type { ReaderAction } from '@/utils/reader/keymap';

/** The panel open over the reader, if any (one at a time). */
export type PanelName = 'appearance' | 'contents' | 'more' | 'speech' | 'help' | 'report';

export interface VoiceOption {
  uri: string;
  name: string;
}

export interface SpeechView {
  /** The browser can speak at all. */
  available: boolean;
  state: 'idle' | 'playing' | 'paused';
  /** Voices for the article's language. */
  voices: VoiceOption[];
  /** The voice in use (or chosen) for it. */
  voice: string | null;
  /**
   * Set when no voice speaks the article's language: that language named in a sentence of the UI's language
   * (utils/locale-format.ts languageInSentence: "English" / "an English"; "bahasa Inggris").
   */
  noVoice: { name: string; withArticle: string } | null;
}

export interface FixView {
  /** Removing blocks (clicks remove), or showing a block the person picked. */
  mode: 'none' | 'removing' | 'picked';
  /** Blocks removed in this view. */
  removed: number;
  canUndo: boolean;
  /** The site the fix would be remembered for (null: this page has no host to keep a rule under). */
  host: string | null;
  /** The fix is stored as a site rule. */
  remembered: boolean;
}

/**
 * A button in the toolbar's action group. Saving and translation add theirs here ("Save", "Translate"), next to
 * "Listen": pass them in ReaderView's `actions`; `shortcut` is the ReaderAction its key triggers.
 */
export interface ToolbarAction {
  id: string;
  label: string;
  icon?: ComponentChildren;
  pressed?: boolean;
  disabled?: boolean;
  shortcut?: ReaderAction;
  onClick: () => void;
}

export type ViewEvent =
  | ReaderAction
  | 'listen-top'
  | 'remember'
  | 'forget-rule'
  | 'remove-done'
  | 'unpick'
  | 'report'
  | 'copy-report'
  | 'print';

/** What the translated article shows: the translation, the original, or each translated block under its original. */
export type TranslateViewMode = 'translated' | 'original' | 'side';

/** The translation bar's state (utils/reader/translate.ts keeps it; TranslatePanel shows it). */
export interface TranslateView {
  /** 'choose': Translate was pressed with no usable service chosen; `offers` lists what the panel offers. */
  state: 'idle' | 'detecting' | 'choose' | 'downloading' | 'translating' | 'done' | 'error' | 'cancelled';
  /** The article's language as used (the page's, detected, or the reader's choice); null: not known yet. */
  source: string | null;
  detected: { lang: string | null; via: 'page' | 'detector' | 'none'; uncertain: boolean } | null;
  target: string;
  done: number;
  total: number;
  failed: number;
  fromCache: number;
  /** On-device language pack download, 0..100. */
  percent: number | null;
  mode: TranslateViewMode;
  hasTranslation: boolean;
  /**
   * kind: a TranslationErrorKind, 'not-configured', 'choose-source' or 'same-language'; options: offer the
   * button that opens the options page.
   */
  error: { kind: string; options: boolean } | null;
  /** The provider's name, once done ("Translated by ..."). */
  provider: string | null;
  /** In state 'choose': the services offered (on-device first) and what each needs (utils/translate/choice.ts). */
  offers: { id: 'chrome-builtin' | 'libretranslate' | 'deepl'; needs: 'nothing' | 'server' | 'key' }[] | null;
  /** In state 'choose': the on-device translator is offered, cannot do this pair, or is not in this browser. */
  onDevice: 'offered' | 'unsupported-pair' | 'absent' | null;
  /** The service whose set-up the panel opened on the options page (the panel says to come back to Translate). */
  settingUp: 'libretranslate' | 'deepl' | null;
  /** The article text goes to a service on the internet. */
  remote: boolean;
  /** Language codes for the From and To lists. */
  languages: string[];
}

export type TranslateEvent =
  | { type: 'start' }
  | { type: 'cancel' }
  | { type: 'close' }
  | { type: 'options' }
  /** A service picked in the panel: the on-device one is used at once, the others open their set-up in Options. */
  | { type: 'provider'; id: 'chrome-builtin' | 'libretranslate' | 'deepl' }
  | { type: 'mode'; mode: TranslateViewMode }
  | { type: 'source'; lang: string }
  | { type: 'target'; lang: string };
