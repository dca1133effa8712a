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
        {links.map((l) => (
          <a key={l.href} class={l.primary ? 'primary' : undefined} href={l.href} rel="noopener noreferrer">
            {l.label}
          </a>
        ))}
      </p>
    </main>
  );
}
