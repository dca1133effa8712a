/** A short notice over the page, outside the reader (the reader is not open, or not any more). */
import { attachUiShadow } from '../swap';
import css from '@/components/reader.css?inline';

const NOTICE_MS = 3200;

/** A short notice that fades by itself; the page is otherwise left untouched. */
export function showNotice(doc: Document, message: string, ms = NOTICE_MS): void {
  const host = doc.createElement('jernih-notice');
  const root = attachUiShadow(host);
  const style = doc.createElement('style');
  style.textContent = css;
  const box = doc.createElement('div');
  box.className = 'notice';
  box.setAttribute('role', 'status');
  box.setAttribute('aria-live', 'polite');
  box.textContent = message;
  root.append(style, box);
  doc.documentElement.appendChild(host);
  setTimeout(() => host.remove(), ms);
}
