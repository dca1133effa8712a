/**
 * The all-pages URL most Indonesian news sites share: the article's URL with one query parameter set
 * (?page=all, ?single=1, ?showpage=all), after site-specific tidying of the path or query. Null when the URL
 * already is that page. Used by the site rules' pagination.allPagesUrl.
 */
export interface AllPagesOptions {
  /** Tidies the path first, e.g. drops a trailing page number (/2). */
  path?: (pathname: string) => string;
  /** Query parameters that name a single page and must go (Tempo's page_num). */
  dropParams?: readonly string[];
  /** Start from no query at all (SINDOnews). */
  clearQuery?: boolean;
  /** Other shapes of "already the whole article" (IDN Times' /full). */
  isAll?: (url: URL) => boolean;
}

export function allPagesByParam(name: string, value: string, options: AllPagesOptions = {}): (url: URL) => string | null {
  return (url) => {
    if (url.searchParams.get(name) === value || options.isAll?.(url)) return null;
    const all = new URL(url.href);
    all.hash = '';
    if (options.clearQuery) all.search = '';
    for (const p of options.dropParams ?? []) all.searchParams.delete(p);
    if (options.path) all.pathname = options.path(all.pathname);
    all.searchParams.set(name, value);
    return all.href;
  };
}
