import { useState } from 'preact/hooks';
import type { Article } from '@/utils/extract/types';
import type { Settings, Theme } from '@/utils/settings';
import { ArticleBody } from './ArticleBody';
import { ReaderToolbar } from './ReaderToolbar';
import { formatDate, type Translate } from './i18n';

export interface ReaderViewProps {
  article: Article;
  settings: Settings;
  t: Translate;
  /** UI locale for dates (the browser's). */
  locale?: string;
  onExit: () => void;
  onTheme: (theme: Theme) => void;
  onFontSize: (direction: 1 | -1) => void;
  onLocalLink?: (id: string) => void;
  /** The other pages of the article are being fetched. */
  joining?: boolean;
  /** On a supported site: its auto-clean switch. */
  autoSite?: { label: string; on: boolean };
  onAutoClean?: (on: boolean) => void;
  autoOpened?: boolean;
}

export function ReaderView(props: ReaderViewProps) {
  const { article, settings, t, locale } = props;
  const date = formatDate(article.publishedTime, locale);
  const host = hostOf(article.url);
  const [leadFailed, setLeadFailed] = useState(false);
  const lead = article.leadImage && !article.leadImage.inBody && !leadFailed ? article.leadImage : null;
  return (
    // popover="manual": the controller shows it in the top layer, above any overlay the page has or adds.
    <div class="reader" popover="manual" data-theme={settings.theme} style={{ '--font-size': `${settings.fontSize}px` }}>
      <ReaderToolbar
        settings={settings}
        t={t}
        autoSite={props.autoSite}
        onAutoClean={props.onAutoClean}
        autoOpened={props.autoOpened}
        onExit={props.onExit}
        onTheme={props.onTheme}
        onFontSize={props.onFontSize}
      />
      <main class="page" tabIndex={-1}>
        <article lang={article.lang ?? undefined} dir={article.dir} aria-labelledby="jernih-title">
          <header class="head">
            <p class="site">{article.siteName ?? host}</p>
            <h1 id="jernih-title" class="title">{article.title}</h1>
            {article.byline && <p class="byline">{article.byline}</p>}
            <p class="meta">
              {date && (
                <time class="date" dateTime={article.publishedTime ?? undefined}>
                  {date}
                </time>
              )}
              <span class="reading-time">{t('readingTime', String(article.readingMinutes))}</span>
              {props.joining && <span class="pages" role="status">{t('joiningPages')}</span>}
              {!props.joining && (article.pages?.joined ?? 1) > 1 && (
                <span class="pages">{t('joinedPages', String(article.pages!.joined))}</span>
              )}
            </p>
            {!props.joining &&
              article.pages?.missing.map((m) => (
                <p class="missing" role="note" key={m.url}>
                  {t('missingPage', [String(m.page), m.reason])}{' '}
                  <a href={m.url} rel="noopener noreferrer">
                    {t('openMissingPage')}
                  </a>
                </p>
              ))}
          </header>
          {lead && (
            <figure class="lead">
              <img src={lead.src} alt={lead.alt} onError={() => setLeadFailed(true)} />
              {lead.caption && <figcaption>{lead.caption}</figcaption>}
            </figure>
          )}
          <ArticleBody html={article.contentHtml} onLocalLink={props.onLocalLink} />
          <footer class="source">
            <a href={article.url} rel="noopener noreferrer">
              {host}
            </a>
          </footer>
        </article>
      </main>
    </div>
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}
