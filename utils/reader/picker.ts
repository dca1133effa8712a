/**
 * "Pick the article": on the page itself, a highlighter follows the pointer and a click makes the block under it
 * the article. Keyboard: arrows move the highlight (Up: the block around it, Down: back in, Left/Right: the
 * blocks beside it), Enter picks, Esc cancels. The page never sees these clicks and keys, and nothing of the
 * picker stays in the page when it ends (its host element is removed).
 */
import type { Translate } from '@/components/i18n';
import { guardUserInput, isUserEvent } from './trusted-input';
import { attachUiShadow } from './swap';

/** Elements worth picking as an article: blocks, not inline runs of text. */
const BLOCK = 'article, main, section, div, td, blockquote, [role="main"], [role="article"], [itemprop="articleBody"]';

export interface PickerOptions {
  doc: Document;
  win: Window & typeof globalThis;
  t: Translate;
  /** The block highlighted at first (the reader's own guess), so keyboard users start close. */
  initial?: Element | null;
  /** Styles for the picker's shadow root (reader.css). */
  css: string;
  /** Unit tests only: let synthetic events pick (trusted-input.ts). */
  acceptSynthetic?: boolean;
}

export interface Picker {
  /** The picked element, or null when cancelled. */
  result: Promise<Element | null>;
  cancel(): void;
}

export function startPicker({ doc, win, t, initial, css, acceptSynthetic }: PickerOptions): Picker {
  const inputGuard = { acceptSynthetic };
  const host = doc.createElement('jernih-picker');
  host.setAttribute('style', 'all: initial !important; position: fixed !important; inset: 0 !important; z-index: 2147483647 !important; pointer-events: none !important;');
  const root = attachUiShadow(host);
  const style = doc.createElement('style');
  style.textContent = css;
  const box = doc.createElement('div');
  box.className = 'pick-box';
  const label = doc.createElement('div');
  label.className = 'pick-label';
  box.append(label);
  const bar = doc.createElement('div');
  bar.className = 'pick-bar';
  bar.setAttribute('role', 'dialog');
  bar.setAttribute('aria-label', t('pickArticle'));
  const text = doc.createElement('p');
  text.id = 'jernih-pick-help';
  text.textContent = t('pickHelp');
  const status = doc.createElement('p');
  status.className = 'pick-status';
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  const choose = doc.createElement('button');
  choose.type = 'button';
  choose.dataset.action = 'pick-this';
  choose.textContent = t('pickThis');
  const cancel = doc.createElement('button');
  cancel.type = 'button';
  cancel.dataset.action = 'pick-cancel';
  cancel.textContent = t('cancel');
  const buttons = doc.createElement('div');
  buttons.className = 'pick-buttons';
  buttons.append(choose, cancel);
  bar.append(text, status, buttons);
  root.append(style, box, bar);
  doc.documentElement.appendChild(host);
  const unguard = guardUserInput(root, inputGuard);

  let current: Element | null = null;
  /** The path back down for the Down key, after Up widened the highlight. */
  const narrower: Element[] = [];
  let done!: (el: Element | null) => void;
  const result = new Promise<Element | null>((ok) => (done = ok));

  const blockOf = (el: Element | null): Element | null => {
    if (!el || el === host || !doc.body?.contains(el)) return null;
    const b = el.closest(BLOCK);
    return b && b !== doc.body ? b : el === doc.body ? null : el;
  };
  const words = (el: Element) => (el.textContent ?? '').trim().split(/\s+/).filter(Boolean).length;

  const show = (el: Element | null) => {
    current = el;
    if (!el) {
      box.hidden = true;
      return;
    }
    const r = el.getBoundingClientRect();
    box.hidden = false;
    box.style.cssText = `left:${Math.max(0, r.left)}px;top:${Math.max(0, r.top)}px;width:${Math.min(r.width, win.innerWidth)}px;height:${r.height}px`;
    const cls = Array.from(el.classList).slice(0, 2).map((c) => `.${c}`).join('');
    label.textContent = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${cls} · ${t('pickWords', String(words(el)))}`;
    status.textContent = label.textContent;
  };

  const finish = (el: Element | null) => {
    win.removeEventListener('mousemove', onMove, true);
    win.removeEventListener('scroll', onScroll, true);
    for (const type of BLOCKED) win.removeEventListener(type, onBlocked, true);
    win.removeEventListener('click', onClick, true);
    win.removeEventListener('keydown', onKey, true);
    unguard();
    host.remove();
    done(el);
  };

  const inPicker = (e: Event) => e.composedPath().includes(host);
  const onMove = (e: MouseEvent) => {
    if (inPicker(e)) return;
    narrower.length = 0;
    const under = doc.elementFromPoint(e.clientX, e.clientY);
    const b = blockOf(under);
    if (b !== current) show(b);
  };
  const onScroll = () => current && show(current);
  // Press and release on the page do nothing while picking (no page handlers, no link navigation).
  const BLOCKED = ['mousedown', 'mouseup', 'pointerdown', 'pointerup', 'auxclick', 'dblclick', 'contextmenu', 'submit'] as const;
  const onBlocked = (e: Event) => {
    if (inPicker(e)) return;
    e.preventDefault();
    e.stopImmediatePropagation();
  };
  const onClick = (e: MouseEvent) => {
    // A page script's own .click() calls neither picks nor cancels.
    if (!isUserEvent(e, inputGuard)) return;
    if (inPicker(e)) {
      const action = (e.composedPath()[0] as HTMLElement | undefined)?.dataset?.action;
      if (action === 'pick-this' && current) finish(current);
      else if (action === 'pick-cancel') finish(null);
      return;
    }
    e.preventDefault();
    e.stopImmediatePropagation();
    const b = blockOf(doc.elementFromPoint(e.clientX, e.clientY)) ?? current;
    if (b) finish(b);
  };
  const onKey = (e: KeyboardEvent) => {
    if (!isUserEvent(e, inputGuard)) return;
    const inBar = inPicker(e);
    let next: Element | null | undefined;
    switch (e.key) {
      case 'Escape':
        finish(null);
        break;
      case 'Enter':
        if (inBar && (e.composedPath()[0] as Element | undefined)?.tagName === 'BUTTON') return; // the button's own click
        if (current) finish(current);
        break;
      case 'ArrowUp':
        if (current?.parentElement && current.parentElement !== doc.body && current.parentElement !== doc.documentElement) {
          narrower.push(current);
          next = current.parentElement;
        }
        break;
      case 'ArrowDown':
        next = narrower.pop() ?? (current ? Array.from(current.children).find((c) => words(c) > 0 && c.matches(BLOCK)) : null);
        break;
      case 'ArrowLeft':
      case 'ArrowRight': {
        let s = current && (e.key === 'ArrowLeft' ? current.previousElementSibling : current.nextElementSibling);
        while (s && words(s) === 0) s = e.key === 'ArrowLeft' ? s.previousElementSibling : s.nextElementSibling;
        next = s;
        narrower.length = 0;
        break;
      }
      case 'Tab':
        // Tab moves between the two buttons of the bar.
        if (!inBar) {
          e.preventDefault();
          choose.focus();
        }
        return;
      default:
        return;
    }
    e.preventDefault();
    e.stopImmediatePropagation();
    if (next) {
      show(next);
      next.scrollIntoView({ block: 'nearest' });
    }
  };

  win.addEventListener('mousemove', onMove, true);
  win.addEventListener('scroll', onScroll, true);
  for (const type of BLOCKED) win.addEventListener(type, onBlocked, true);
  win.addEventListener('click', onClick, true);
  win.addEventListener('keydown', onKey, true);
  const first = blockOf(initial ?? null);
  show(first);
  first?.scrollIntoView({ block: 'center' });
  choose.focus();

  return { result, cancel: () => finish(null) };
}
