/**
 * The reader's keyboard shortcuts: one table, read by the key handler (actionForKey) and by the "?" list
 * (components/ShortcutsDialog). Single keys without Ctrl/Alt/Meta, so they never shadow the browser's own;
 * they are ignored while the focus is in a text field, a list box or a slider.
 */

export type ReaderAction =
  | 'help'
  | 'exit'
  | 'font-larger'
  | 'font-smaller'
  | 'theme-next'
  | 'wider'
  | 'narrower'
  | 'contents'
  | 'appearance'
  | 'listen'
  | 'listen-stop'
  | 'images'
  | 'top'
  | 'remove-mode'
  | 'pick'
  | 'undo'
  | 'more'
  | 'save'
  | 'translate';

export interface Shortcut {
  action: ReaderAction;
  /** As shown to the person, e.g. ["+", "="]. */
  keys: string[];
  /** _locales key of the description. */
  label: string;
}

/**
 * In the order the "?" list shows them. `save` and `translate` are listed only when the reader has those
 * actions (they come with the saving and translation features).
 */
export const SHORTCUTS: readonly Shortcut[] = [
  { action: 'help', keys: ['?'], label: 'shortcutHelp' },
  { action: 'exit', keys: ['Esc'], label: 'shortcutExit' },
  { action: 'font-larger', keys: ['+', '='], label: 'fontLarger' },
  { action: 'font-smaller', keys: ['-'], label: 'fontSmaller' },
  { action: 'wider', keys: [']'], label: 'widthWider' },
  { action: 'narrower', keys: ['['], label: 'widthNarrower' },
  { action: 'theme-next', keys: ['T'], label: 'shortcutTheme' },
  { action: 'appearance', keys: ['A'], label: 'appearance' },
  { action: 'contents', keys: ['C'], label: 'contents' },
  { action: 'top', keys: ['G'], label: 'backToTop' },
  { action: 'images', keys: ['I'], label: 'shortcutImages' },
  { action: 'listen', keys: ['L'], label: 'shortcutListen' },
  { action: 'listen-stop', keys: ['Shift+L'], label: 'listenStop' },
  { action: 'save', keys: ['S'], label: 'shortcutSave' },
  { action: 'translate', keys: ['Shift+T'], label: 'shortcutTranslate' },
  { action: 'pick', keys: ['P'], label: 'pickArticle' },
  { action: 'remove-mode', keys: ['X'], label: 'removeBlocks' },
  { action: 'undo', keys: ['U', 'Ctrl+Z'], label: 'undo' },
  { action: 'more', keys: ['M'], label: 'moreActions' },
];

/** The key event fields this needs (a KeyboardEvent, or a plain object in tests). */
export interface KeyLike {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  shiftKey?: boolean;
}

const SINGLE: Record<string, ReaderAction> = {
  '?': 'help',
  '+': 'font-larger',
  '=': 'font-larger',
  '-': 'font-smaller',
  _: 'font-smaller',
  ']': 'wider',
  '[': 'narrower',
  t: 'theme-next',
  T: 'translate',
  a: 'appearance',
  c: 'contents',
  g: 'top',
  i: 'images',
  l: 'listen',
  L: 'listen-stop',
  s: 'save',
  p: 'pick',
  x: 'remove-mode',
  u: 'undo',
  m: 'more',
};

/** The action a key press asks for, or null. Escape is handled apart (it closes the innermost thing open). */
export function actionForKey(e: KeyLike): ReaderAction | null {
  if (e.altKey || e.metaKey) return null;
  if (e.ctrlKey) return e.key === 'z' || e.key === 'Z' ? 'undo' : null;
  return SINGLE[e.key] ?? null;
}

/** Keys go to these (typing, choosing, sliding) rather than to the shortcuts. */
export function isTypingTarget(el: Element | null | undefined): boolean {
  if (!el || el.nodeType !== 1) return false;
  const tag = el.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = ((el as HTMLInputElement).type || 'text').toLowerCase();
    return !['checkbox', 'radio', 'button', 'submit', 'reset', 'color'].includes(type);
  }
  return (el as HTMLElement).isContentEditable === true;
}
