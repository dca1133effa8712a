/**
 * Typed messages between the extension's parts, named by direction. Every receiver checks the shape and the
 * sender before acting: content scripts share the page's process, so nothing from them is trusted blindly.
 */

/** background -> content script (reader) */
export type BackgroundToReader = { type: 'reader:toggle' } | { type: 'reader:close' };

/** What the reader content script answers to a toggle. */
export type ReaderState = 'opened' | 'closed' | 'no-article' | 'error';
export interface ReaderReply {
  state: ReaderState;
  /** For 'error': a message for the person. */
  message?: string;
}

const READER_TYPES = new Set<BackgroundToReader['type']>(['reader:toggle', 'reader:close']);

export function isBackgroundToReader(msg: unknown): msg is BackgroundToReader {
  return !!msg && typeof msg === 'object' && READER_TYPES.has((msg as { type: BackgroundToReader['type'] }).type);
}

export function isReaderReply(msg: unknown): msg is ReaderReply {
  return (
    !!msg &&
    typeof msg === 'object' &&
    ['opened', 'closed', 'no-article', 'error'].includes((msg as ReaderReply).state)
  );
}

/** content script (detector) -> background */
export interface DetectResult {
  type: 'detect:result';
  article: boolean;
}

export function isDetectResult(msg: unknown): msg is DetectResult {
  return !!msg && typeof msg === 'object' && (msg as DetectResult).type === 'detect:result' && typeof (msg as DetectResult).article === 'boolean';
}
