/** The translator the UI components receive as a prop (browser.i18n.getMessage at the edges, a map in tests). */
export type Translate = (key: string, substitutions?: string | string[]) => string;

// Dates, times and language names: utils/locale-format.ts, the one formatter of every view.
