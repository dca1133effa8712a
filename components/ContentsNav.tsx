import type { Translate } from './i18n';
import type { OutlineItem } from './outline';

export interface ContentsNavProps {
  t: Translate;
  /** The article's direction (its headings read the same way). */
  dir?: 'ltr' | 'rtl';
  items: OutlineItem[];
  /** The heading of the section being read. */
  active: string | null;
  /** Shown as the menu (narrow screens); on wide screens the list is a side panel either way. */
  open: boolean;
  onGo: (id: string) => void;
}

/** Table of contents: a side panel beside the article on wide screens, a menu from the toolbar on narrow ones. */
export function ContentsNav({ t, dir, items, active, open, onGo }: ContentsNavProps) {
  return (
    <nav class={`toc ${open ? 'open' : ''}`} aria-label={t('contents')} data-panel="contents">
      <p class="toc-title" aria-hidden="true">
        {t('contents')}
      </p>
      <ol dir={dir}>
        {items.map((item) => (
          <li key={item.id} class={`level-${item.level}`}>
            <a
              href={`#${item.id}`}
              data-toc={item.id}
              aria-current={active === item.id ? 'location' : undefined}
              onClick={(e) => {
                e.preventDefault();
                onGo(item.id);
              }}
            >
              {item.text}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
