/**
 * How the extension's content scripts in one document find each other. They share the extension's isolated world,
 * so a symbol on the window is seen by all of them and by nothing of the page.
 * - INJECT_MODE: set by the background just before it injects the reader script to save a page (not to open it).
 * - AUTO_CLEAN_WAITING: left by the auto-clean script while it waits for the reader the background injects for it;
 *   that reader script then hands over its boot instead of opening, and the auto-clean script opens it once the
 *   document is parsed. Said in the page, not by a second injection from the background: one round trip less.
 * - AUTO_CLEAN_RESULT: how auto-clean ended in this document (utils/reader/autoclean.ts AutoCleanResult), for a look
 *   from the extension's side (the browser tests read it in the extension's world; the page cannot).
 */
import type { ReaderController } from './controller';

export const INJECT_MODE_KEY = 'jernih.inject-mode';
/** 'extract': only get ready to answer `reader:extract` (saving); unset: open now. */
export type InjectMode = 'extract';

/** What makes (or finds) the document's one reader (utils/reader/boot.ts getReader). */
export type ReaderBoot = () => ReaderController;

/** Reads and clears the mode the background set for this injection. */
export function takeInjectMode(w: object): InjectMode | undefined {
  const key = Symbol.for(INJECT_MODE_KEY);
  const slot = w as Record<symbol, unknown>;
  const mode = slot[key];
  delete slot[key];
  return mode === 'extract' ? mode : undefined;
}

const AUTO_CLEAN_WAITING = Symbol.for('jernih.auto-clean-waiting');

/** The auto-clean script: waits for the reader script (its boot arrives in `reader`) until `stop()`. */
export function waitForReaderScript(w: object): { reader: Promise<ReaderBoot>; stop: () => void } {
  const slot = w as Record<symbol, unknown>;
  let arrived: (boot: ReaderBoot) => void = () => undefined;
  const reader = new Promise<ReaderBoot>((ok) => (arrived = ok));
  slot[AUTO_CLEAN_WAITING] = arrived;
  return { reader, stop: () => void (slot[AUTO_CLEAN_WAITING] === arrived && delete slot[AUTO_CLEAN_WAITING]) };
}

/** The reader script: hands its boot to an auto-clean script waiting for it; false when none waits. */
export function handToAutoClean(w: object, boot: ReaderBoot): boolean {
  const slot = w as Record<symbol, unknown>;
  const waiting = slot[AUTO_CLEAN_WAITING];
  if (typeof waiting !== 'function') return false;
  delete slot[AUTO_CLEAN_WAITING];
  (waiting as (boot: ReaderBoot) => void)(boot);
  return true;
}

const AUTO_CLEAN_RESULT = Symbol.for('jernih.auto-clean-result');

export function setAutoCleanResult(w: object, result: string): void {
  (w as Record<symbol, unknown>)[AUTO_CLEAN_RESULT] = result;
}
