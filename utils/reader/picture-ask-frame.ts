/**
 * Issue 13: the pictures question, in place, after a save from the reader. permissions.request needs an extension
 * page and a click, so the question is an extension page (entrypoints/picture-ask) in a frame, in its own closed
 * shadow root at the foot of the view. Chrome only: the frame's page is web-accessible there under a per-session
 * address; Firefox asks in a small window instead (entrypoints/background.ts).
 */
import { attachUiShadow, uiShadowOf } from './swap';

const TAG = 'jernih-picture-ask';
const STYLE = `
  :host { all: initial; }
  .box { position: fixed; inset: auto auto 84px 50%; transform: translateX(-50%); margin: 0; padding: 0; border: 0;
    width: min(94vw, 480px); border-radius: 12px; overflow: hidden; box-shadow: 0 8px 30px rgba(0, 0, 0, 0.35);
    background: Canvas; }
  iframe { display: block; width: 100%; height: 168px; max-height: 70vh; border: 0; }
`;

/** Shows the question for the saved article `id` (one at a time); it goes when the frame says so. */
export function showPictureAsk(doc: Document, pageUrl: (path: string) => string, id: string, title: string): HTMLElement {
  // Inside the open reader's own root: anything added to the page's <html> while the reader shows is moved out of
  // sight (swap.ts), and the question belongs to the reader anyway.
  const parent: ParentNode = uiShadowOf(doc.body) ?? doc.documentElement;
  parent.querySelector(TAG)?.remove();
  const host = doc.createElement(TAG);
  const root = attachUiShadow(host);
  const style = doc.createElement('style');
  style.textContent = STYLE;
  const box = doc.createElement('div');
  box.className = 'box';
  // The reader is a popover in the top layer: the question goes there too, above it.
  box.setAttribute('popover', 'manual');
  const frame = doc.createElement('iframe');
  frame.title = title;
  frame.src = pageUrl(`/picture-ask.html?id=${encodeURIComponent(id)}`);
  box.append(frame);
  root.append(style, box);
  parent.appendChild(host);
  box.showPopover?.();
  const win = doc.defaultView;
  const onMessage = (event: MessageEvent) => {
    // Only our frame speaks here (the page can post messages too, but not from that window).
    if (event.source !== frame.contentWindow) return;
    const data = event.data as { type?: unknown; height?: unknown } | null;
    // Sized to its words (longer in Indonesian, and on a phone).
    if (data?.type === 'jernih:picture-ask-size' && typeof data.height === 'number') frame.style.height = `${Math.min(400, Math.max(60, Math.ceil(data.height)))}px`;
    if (data?.type !== 'jernih:picture-ask-close') return;
    win?.removeEventListener('message', onMessage);
    host.remove();
  };
  win?.addEventListener('message', onMessage);
  // Keyboard users go straight to the question (its page focuses Allow).
  frame.addEventListener('load', () => frame.focus(), { once: true });
  return host;
}
