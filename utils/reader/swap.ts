/**
 * Swapping the page for the reader in place, and back. The original <body> is taken out whole and kept, so
 * restoring it gives back the very same nodes (listeners, state, DOM) with no reload; the scroll position is
 * put back too. Removing the body also stops its media (the HTML spec pauses detached media elements, and
 * detached iframes unload).
 *
 * The reader lives in the shadow root of a new <body>. Page scripts that keep appending ads or overlays to
 * document.body append to our body's light DOM, which a shadow root without <slot> never renders; nodes they
 * put on <html> directly are moved there as well. On restore, all of them go to the original body, so the page
 * loses nothing it added meanwhile.
 */

export interface Swap {
  /** The shadow root to render the reader into. */
  readonly root: ShadowRoot;
  /** The reader's own body element (the shadow host). */
  readonly host: HTMLElement;
  /** The page's own body, out of the document while the reader shows (read only: it goes back as it is). */
  readonly original: HTMLElement;
  restore(): void;
}

/** Inline, important: page stylesheets must not hide, shift or transform the reader's host. */
const HOST_STYLE =
  'all: initial !important; display: block !important; position: static !important; margin: 0 !important; ' +
  'padding: 0 !important; min-height: 100vh !important; transform: none !important; filter: none !important; ' +
  'opacity: 1 !important; visibility: visible !important; overflow: visible !important;';

export const HOST_ID = 'jernih-reader';

/** Where the extension keeps a host's closed shadow root: an expando seen only in the extension's own world. */
const ROOT_KEY = Symbol.for('jernih.shadow-root');

/**
 * A shadow root for the reader's own UI (the reader, the picker, notices). Closed: the page's scripts share the
 * document, and an open root would let them read the article's UI and reach its buttons. Open only in unit tests
 * (jsdom) and in the test-only Firefox e2e build: WebDriver BiDi gives Firefox's tests no way into a closed root.
 * The Chromium tests load the closed builds and reach the roots through the DevTools protocol
 * (test/e2e/helpers/closed-shadow.ts).
 */
export function attachUiShadow(host: HTMLElement): ShadowRoot {
  const open = import.meta.env.MODE === 'test' || (import.meta.env.MODE === 'e2e' && import.meta.env.FIREFOX);
  const root = host.attachShadow({ mode: open ? 'open' : 'closed' });
  (host as unknown as Record<symbol, ShadowRoot>)[ROOT_KEY] = root;
  return root;
}

/** The UI shadow root of a host made by attachUiShadow, open or closed. */
export function uiShadowOf(host: Element | null | undefined): ShadowRoot | null {
  return (host as unknown as Record<symbol, ShadowRoot | undefined> | null)?.[ROOT_KEY] ?? null;
}

export function swapIn(doc: Document, win: Window & typeof globalThis): Swap {
  const html = doc.documentElement;
  const original = doc.body;
  const scroll = { x: win.scrollX, y: win.scrollY };

  for (const media of Array.from(doc.querySelectorAll('video, audio')) as HTMLMediaElement[]) {
    try {
      media.pause();
    } catch {
      // A custom element pretending to be media: nothing to pause.
    }
  }

  const host = doc.createElement('body');
  host.id = HOST_ID;
  host.setAttribute('style', HOST_STYLE);
  const root = attachUiShadow(host);
  if (original) html.replaceChild(host, original);
  else html.appendChild(host);

  // Overlays that page scripts attach to <html> itself go into the unrendered light DOM of the host.
  const observer = new win.MutationObserver((records) => {
    for (const r of records) {
      for (const node of Array.from(r.addedNodes)) {
        if (node === host || node.parentNode !== html || node.nodeName === 'HEAD') continue;
        if (node.nodeType === 1) host.appendChild(node);
      }
    }
  });
  observer.observe(html, { childList: true });
  win.scrollTo(0, 0);

  let restored = false;
  return {
    root,
    host,
    original: original ?? doc.createElement('body'),
    restore() {
      if (restored) return;
      restored = true;
      observer.disconnect();
      // What page scripts added while the reader was open belongs to the page.
      const added = Array.from(host.childNodes);
      if (original) {
        html.replaceChild(original, host);
        original.append(...added);
      } else {
        host.remove();
      }
      win.scrollTo(scroll.x, scroll.y);
    },
  };
}

/** A reader already open in this document (e.g. injected twice). */
export function findOpenReader(doc: Document): HTMLElement | null {
  const body = doc.body;
  return body?.id === HOST_ID && uiShadowOf(body) ? body : null;
}
