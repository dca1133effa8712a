/**
 * A saved article opens without contacting anybody. Its stored pictures are shown from the library (blob:
 * URLs); everything else in its body that would load from the web on open (a picture that was not kept, a video
 * player, audio) waits behind a button that names the site it would contact. One click by the reader loads that
 * one item. Runs on the sanitized body, before it is shown (the saved page's prepareBody).
 */
import type { Translate } from '@/components/i18n';

/** Attributes that make the browser fetch on render, by element. */
const FETCHING: Record<string, readonly string[]> = {
  IMG: ['src', 'srcset'],
  SOURCE: ['src', 'srcset'],
  IFRAME: ['src', 'srcdoc'],
  VIDEO: ['src', 'poster'],
  AUDIO: ['src'],
  TRACK: ['src'],
  INPUT: ['src'],
};
const PARKED = 'data-jernih-parked-';

function isLocal(value: string): boolean {
  return /^(blob:|data:image\/)/i.test(value.trim());
}

function hostOf(value: string, base: string): string {
  try {
    return new URL(value, base).hostname.replace(/^www\./, '') || '?';
  } catch {
    return '?';
  }
}

/** The element's fetching attributes that point at the web, moved aside; returns the first address moved. */
function park(el: Element): string | null {
  let first: string | null = null;
  for (const attr of FETCHING[el.tagName] ?? []) {
    const value = el.getAttribute(attr);
    if (value === null || (attr !== 'srcdoc' && isLocal(value))) continue;
    el.setAttribute(PARKED + attr, value);
    el.removeAttribute(attr);
    if (attr !== 'srcdoc' && !first) first = value.trim().split(/\s+/)[0] ?? null;
  }
  return first;
}

function unpark(el: Element): void {
  for (const attr of FETCHING[el.tagName] ?? []) {
    const value = el.getAttribute(PARKED + attr);
    if (value === null) continue;
    el.setAttribute(attr, value);
    el.removeAttribute(PARKED + attr);
  }
}

export interface DeferOptions {
  t: Translate;
  /** The article's address, to name relative addresses' site. */
  baseUrl: string;
  /** Unit tests only: let a synthetic click load (the reader's trusted-input guard decides in the extension). */
  acceptSynthetic?: boolean;
}

/**
 * Parks every remote fetch in `root` behind a "Load from <site>" button. Returns how many items wait. Media
 * already on this machine (stored pictures) are left as they are.
 */
export function deferRemoteMedia(root: ParentNode, { t, baseUrl, acceptSynthetic }: DeferOptions): number {
  const doc = (root as Node).ownerDocument ?? (root as Document);
  let waiting = 0;
  // One button per item the reader sees: a picture (with its <picture> sources), a player, a video or audio.
  const items = Array.from(root.querySelectorAll('img, iframe, video, audio'));
  for (const item of items) {
    const group = item.tagName === 'IMG' ? item.closest('picture') ?? item : item;
    const parts = [group, ...Array.from(group.querySelectorAll('source, track, img'))].filter((el, i, all) => all.indexOf(el) === i);
    const moved = parts.map(park).filter((u): u is string => !!u);
    if (!moved.length) continue;
    waiting++;
    const host = hostOf(moved[0], baseUrl);
    const button = doc.createElement('button');
    button.type = 'button';
    button.className = 'load-remote';
    const label = item.tagName === 'IMG' ? t('savedLoadPicture', host) : t('savedLoadMedia', host);
    const alt = item.tagName === 'IMG' ? item.getAttribute('alt')?.trim() : item.getAttribute('title')?.trim();
    button.textContent = alt ? `${label} — ${alt}` : label;
    button.addEventListener('click', (event) => {
      // The reader's input guard already drops page-made clicks; a saved page has no page scripts, but this
      // button only ever answers a person.
      if (!event.isTrusted && !acceptSynthetic) return;
      parts.forEach(unpark);
      (group as HTMLElement).hidden = false;
      button.remove();
    });
    // Out of sight until loaded: an empty frame or a picture without its address would only be a hole.
    (group as HTMLElement).hidden = true;
    group.parentNode?.insertBefore(button, group);
  }
  return waiting;
}
