/** The translator the UI components receive as a prop (browser.i18n.getMessage at the edges, a map in tests). */
export type Translate = (key: string, substitutions?: string | string[]) => string;

/** Date as readers expect it in their UI language; date-only values stay date-only. */
export function formatDate(iso: string | null, locale: string | undefined): string | null {
  if (!iso) return null;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return null;
  const dateOnly = !iso.includes('T');
  try {
    return new Intl.DateTimeFormat(locale, dateOnly
      ? { dateStyle: 'long', timeZone: 'UTC' }
      : { dateStyle: 'long', timeStyle: 'short' }).format(d);
  } catch {
    return d.toDateString();
  }
}
