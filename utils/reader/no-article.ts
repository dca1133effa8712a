/**
 * The notice for a page where Jernih found no article (issue 13, part 7). A toast that fades leaves the person
 * at a dead end; this one stays until it is closed (its Close button, Esc, the reader's button again) or one of
 * its next steps is taken: pick the text by hand (the picker, on the page itself) or open the saved articles.
 *
 * It lives in a closed shadow root like the reader (swap.ts attachUiShadow), and only the person drives it:
 * untrusted (page-made) clicks and keys are dropped at its root (trusted-input.ts), and its own handlers check
 * again, so a page script can neither press its buttons nor close it.
 */
import type { Translate } from '@/components/i18n';
import { guardUserInput, isUserEvent } from './trusted-input';
import { attachUiShadow } from './swap';

export interface NoArticleOptions {
  doc: Document;
  win: Window & typeof globalThis;
  t: Translate;
  /** Styles of the reader's UI (reader.css): the notice looks like the picker's bar that follows it. */
  css: string;
  /** Start the picker on this page. */
  onPick: () => void;
  /** Open the saved articles (absent: no such button, e.g. where there is no library). */
  onLibrary?: () => void;
  /** Called once the notice is gone, however it went. */
  onClose?: () => void;
  /** Unit tests only: let synthetic events act (trusted-input.ts). */
  acceptSynthetic?: boolean;
}

export interface NoArticleNotice {
  close(): void;
}

/** Only what reader.css does not say already: the bar's layout for a message and three buttons, no fading. */
const EXTRA_CSS = `
.no-article { bottom: 24px; }
.no-article .no-article-text { flex: 1 1 320px; }
.no-article .no-article-text p { margin: 0; }
.no-article .no-article-title { font-weight: 600; font-size: 15px; }
.no-article .no-article-next { color: #c4c7c5; }
.no-article .pick-buttons { flex-wrap: wrap; }
.no-article button[data-action='no-article-pick'] { background: #8ab4f8; border-color: #8ab4f8; color: #202124; font-weight: 600; }
.no-article button[data-action='no-article-close'] { min-width: 34px; padding: 6px 10px; }
@media (pointer: coarse) { .no-article button[data-action='no-article-close'] { min-width: 44px; } }
`;

export function showNoArticleNotice(opts: NoArticleOptions): NoArticleNotice {
  const { doc, win, t } = opts;
  const guard = { acceptSynthetic: opts.acceptSynthetic };
  const host = doc.createElement('jernih-notice');
  host.setAttribute('data-kind', 'no-article');
  // Over the page, out of its way: only the bar takes pointer input.
  host.setAttribute('style', 'all: initial !important; position: fixed !important; inset: 0 !important; z-index: 2147483647 !important; pointer-events: none !important;');
  const root = attachUiShadow(host);
  const style = doc.createElement('style');
  style.textContent = opts.css + EXTRA_CSS;

  const bar = doc.createElement('div');
  bar.className = 'pick-bar no-article';
  // Not modal: the page stays usable behind it. Named by its message, so a screen reader says why it is there.
  bar.setAttribute('role', 'dialog');
  bar.setAttribute('aria-labelledby', 'jernih-no-article-title');
  bar.setAttribute('aria-describedby', 'jernih-no-article-next');
  const text = doc.createElement('div');
  text.className = 'no-article-text';
  const title = doc.createElement('p');
  title.id = 'jernih-no-article-title';
  title.className = 'no-article-title';
  title.textContent = t('noArticle');
  const next = doc.createElement('p');
  next.id = 'jernih-no-article-next';
  next.className = 'no-article-next';
  next.textContent = t('noArticleNext');
  text.append(title, next);

  const button = (action: string, label: string, run: () => void, name?: string) => {
    const b = doc.createElement('button');
    b.type = 'button';
    b.dataset.action = action;
    b.textContent = label;
    if (name) b.setAttribute('aria-label', name);
    b.addEventListener('click', (e) => {
      if (!isUserEvent(e, guard)) return;
      close();
      run();
    });
    return b;
  };
  const pick = button('no-article-pick', t('noArticlePick'), opts.onPick);
  const buttons = doc.createElement('div');
  buttons.className = 'pick-buttons';
  buttons.append(pick);
  if (opts.onLibrary) buttons.append(button('no-article-library', t('menuLibrary'), opts.onLibrary));
  buttons.append(button('no-article-close', '×', () => undefined, t('noArticleClose')));
  bar.append(text, buttons);
  root.append(style, bar);
  doc.documentElement.appendChild(host);
  const unguard = guardUserInput(root, guard);

  // Esc closes it, wherever the focus is (the page keeps its own Esc when the focus is not in the notice).
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || !isUserEvent(e, guard)) return;
    if (e.composedPath().includes(host)) {
      e.preventDefault();
      e.stopPropagation();
    }
    close();
  };
  win.addEventListener('keydown', onKey, true);

  // The person just asked for the reader: the next steps are one Tab away, starting with the first.
  const before = doc.activeElement;
  pick.focus({ preventScroll: true });

  let closed = false;
  function close() {
    if (closed) return;
    closed = true;
    win.removeEventListener('keydown', onKey, true);
    unguard();
    const hadFocus = root.activeElement !== null;
    host.remove();
    if (hadFocus && before instanceof win.HTMLElement && before.isConnected) before.focus({ preventScroll: true });
    opts.onClose?.();
  }
  return { close };
}
