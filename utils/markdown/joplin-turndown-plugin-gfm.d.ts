// The package ships JavaScript only: the one export Jernih uses, typed here.
declare module '@joplin/turndown-plugin-gfm' {
  import type TurndownService from 'turndown';

  /** GFM tables (a header row added when the page gave none), strikethrough, task lists, highlighted code. */
  export function gfm(service: TurndownService): void;
}
