import { useLayoutEffect, useRef } from 'preact/hooks';
import { toFragment } from '@/utils/sanitize';

/**
 * The article body. Its HTML goes through the sanitizer again on the way in (it may come from storage later),
 * and the sanitizer is the only thing that turns it into nodes.
 */
export function ArticleBody({ html, onLocalLink }: { html: string; onLocalLink?: (id: string) => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.replaceChildren(toFragment(html, el.ownerDocument));
    // A picture that fails to load (offline, removed from the site) goes away instead of showing its alt text
    // as a broken box; a figure left with nothing but a caption goes with it.
    const onError = (event: Event) => {
      const img = event.target as Element;
      if (img.tagName !== 'IMG') return;
      const figure = img.closest('figure');
      (figure && !figure.querySelector('figcaption') ? figure : img).setAttribute('hidden', '');
    };
    el.addEventListener('error', onError, true);
    return () => el.removeEventListener('error', onError, true);
  }, [html]);

  // In-page links (#note-1) must scroll inside the reader, not look for the id in the hidden page.
  const onClick = (event: MouseEvent) => {
    const a = (event.target as Element | null)?.closest?.('a[href]');
    if (!a || !onLocalLink) return;
    const href = a.getAttribute('href') ?? '';
    const hash = href.startsWith('#') ? href.slice(1) : null;
    if (hash) {
      event.preventDefault();
      onLocalLink(decodeURIComponent(hash));
    }
  };
  return <div class="body" ref={ref} onClick={onClick} />;
}
