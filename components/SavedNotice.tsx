import { safeUrl } from '@/utils/safe-url';

/** What the saved-article page shows when there is no article to show (gone from the library, or a link only). */
export interface SavedNoticeProps {
  title: string;
  text?: string;
  links: { href: string; label: string; primary?: boolean }[];
  dark: boolean;
}

export function SavedNotice({ title, text, links, dark }: SavedNoticeProps) {
  return (
    <main class="saved-notice" data-theme={dark ? 'dark' : 'light'}>
      <h1>{title}</h1>
      {text && <p>{text}</p>}
      <p class="links">
        {links.map((l) => {
          // Checked as it resolves here; shown as given (the library's own page is a relative address).
          return safeUrl(l.href, { base: globalThis.location?.href }) ? (
            <a key={l.href} class={l.primary ? 'primary' : undefined} href={l.href} rel="noopener noreferrer">
              {l.label}
            </a>
          ) : null;
        })}
      </p>
    </main>
  );
}
