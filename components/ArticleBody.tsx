import { useLayoutEffect, useRef } from 'preact/hooks';
import { toFragment } from '@/utils/sanitize';
import { nameLinkedPictures } from './linked-pictures';

/** Blocks a person can remove from the view ("Remove a block"). */
export const REMOVABLE = 'p, figure, ul, ol, dl, blockquote, table, pre, h2, h3, h4, h5, h6, aside, section, div, iframe, hr, img, picture, video';
const CONTAINER = /^(DIV|SECTION|ASIDE)$/;

/** The blocks that take keyboard focus while removing: the outermost blocks, looking inside wrapper divs. */
export function removableBlocks(body: Element): Element[] {
  const out: Element[] = [];
  const visit = (el: Element) => {
    for (const child of Array.from(el.children)) {
      if (child.hasAttribute('hidden') || !child.matches(REMOVABLE)) continue;
      const blockKids = Array.from(child.children).filter((c) => c.matches(REMOVABLE));
      if (CONTAINER.test(child.tagName) && blockKids.length > 0) visit(child);
      else out.push(child);
    }
  };
  visit(body);
  return out;
}

export interface ArticleBodyProps {
  html: string;
  onLocalLink?: (id: string) => void;
  /** "Remove a block" is on: a click (or Delete/Enter on a focused block) removes the block. */
  removing?: boolean;
  onRemoveBlock?: (block: Element) => void;
  /** Reading aloud: a click on a paragraph reads from there. */
  listening?: boolean;
  onListenFrom?: (target: Element) => void;
  /** Called with the body element each time its content is (re)built. */
  onRendered?: (body: HTMLElement) => void;
  /**
   * Changes the sanitized nodes before they are shown: a saved article points its images at stored copies here
   * (blob: URLs, which the sanitizer never lets through; utils/library/images.ts applyOfflineImages).
   */
  prepare?: (fragment: DocumentFragment) => void;
}

/**
 * The article body. Its HTML goes through the sanitizer again on the way in (it may come from storage later),
 * and the sanitizer is the only thing that turns it into nodes.
 */
export function ArticleBody({ html, onLocalLink, removing, onRemoveBlock, listening, onListenFrom, onRendered, prepare }: ArticleBodyProps) {
  const ref = useRef<HTMLDivElement>(null);
  const rendered = useRef(onRendered);
  rendered.current = onRendered;
  const prepared = useRef(prepare);
  prepared.current = prepare;
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const fragment = toFragment(html, el.ownerDocument);
    prepared.current?.(fragment);
    nameLinkedPictures(fragment);
    el.replaceChildren(fragment);
    // A picture that fails to load (offline, removed from the site) goes away instead of showing its alt text
    // as a broken box; a figure left with nothing but a caption goes with it.
    const onError = (event: Event) => {
      const img = event.target as Element;
      if (img.tagName !== 'IMG') return;
      const figure = img.closest('figure');
      (figure && !figure.querySelector('figcaption') ? figure : img).setAttribute('hidden', '');
    };
    el.addEventListener('error', onError, true);
    rendered.current?.(el);
    return () => el.removeEventListener('error', onError, true);
  }, [html]);

  // While removing, the blocks are keyboard stops too.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || !removing) return;
    const blocks = removableBlocks(el);
    for (const b of blocks) b.setAttribute('tabindex', '0');
    return () => {
      for (const b of Array.from(el.querySelectorAll('[tabindex="0"]'))) b.removeAttribute('tabindex');
      for (const b of Array.from(el.querySelectorAll('[data-jernih-target]'))) b.removeAttribute('data-jernih-target');
    };
  }, [removing, html]);

  const blockAt = (target: EventTarget | null): Element | null => {
    const hit = (target as Element | null)?.closest?.(REMOVABLE);
    return hit && ref.current?.contains(hit) && hit !== ref.current ? hit : null;
  };

  const onClick = (event: MouseEvent) => {
    if (removing) {
      event.preventDefault();
      const block = blockAt(event.target);
      if (block) onRemoveBlock?.(block);
      return;
    }
    const a = (event.target as Element | null)?.closest?.('a[href]');
    if (a) {
      // In-page links (#note-1) must scroll inside the reader, not look for the id in the hidden page.
      const href = a.getAttribute('href') ?? '';
      const hash = href.startsWith('#') ? href.slice(1) : null;
      if (hash && onLocalLink) {
        event.preventDefault();
        onLocalLink(decodeURIComponent(hash));
      }
      return;
    }
    if (listening && event.target instanceof Element) onListenFrom?.(event.target);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (!removing || !['Delete', 'Backspace', 'Enter', ' '].includes(event.key)) return;
    const block = event.target as Element;
    if (!block.matches?.('[tabindex="0"]')) return;
    event.preventDefault();
    // Focus moves on to the next block, so removing several in a row needs no Tab.
    const stops = Array.from(ref.current!.querySelectorAll<HTMLElement>('[tabindex="0"]'));
    const next = stops[stops.indexOf(block as HTMLElement) + 1] ?? stops[stops.indexOf(block as HTMLElement) - 1];
    onRemoveBlock?.(block);
    block.removeAttribute('tabindex');
    next?.focus();
  };

  const onOver = (event: MouseEvent) => {
    if (!removing) return;
    const block = blockAt(event.target);
    for (const b of Array.from(ref.current!.querySelectorAll('[data-jernih-target]'))) if (b !== block) b.removeAttribute('data-jernih-target');
    block?.setAttribute('data-jernih-target', '');
  };

  return (
    <div
      class={`body ${removing ? 'removing' : ''} ${listening ? 'listening' : ''}`}
      ref={ref}
      onClick={onClick}
      onKeyDown={onKeyDown}
      onMouseOver={onOver}
    />
  );
}
