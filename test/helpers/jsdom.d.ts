/**
 * The part of jsdom's API the library tests use (they build a window by hand: see test/helpers/library.ts).
 * jsdom 29 ships no types and @types/jsdom stops at 28; remove this file if matching types are installed.
 */
declare module 'jsdom' {
  export class JSDOM {
    constructor(html?: string, options?: { url?: string });
    readonly window: Window & typeof globalThis;
  }
}
