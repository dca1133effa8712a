/** The tags of one article (in a panel): its chips to remove, a field to add one, the library's tags suggested. */
import { useState } from 'preact/hooks';
import type { ArticleSummary } from '@/utils/library/types';
import type { LibraryViewProps } from './library-types';
import { IconX } from './library-icons';

type TagsProps = Pick<LibraryViewProps, 't' | 'tags' | 'onAddTag' | 'onRemoveTag'> & { item: ArticleSummary };

export function LibraryTagsBody(p: TagsProps) {
  const { t, item } = p;
  const [value, setValue] = useState('');
  const add = () => {
    const v = value.trim();
    if (!v) return;
    p.onAddTag(item, v);
    setValue('');
  };
  const suggestions = p.tags.map((x) => x.tag).filter((x) => !item.tags.includes(x));
  return (
    <>
      <p class="tags-for">{item.title}</p>
      {item.tags.length > 0 && (
        <ul class="chips">
          {item.tags.map((tag) => (
            <li key={tag}>
              #{tag}
              <button type="button" class="chip-x" aria-label={t('libraryRemoveTag', tag)} onClick={() => p.onRemoveTag(item, tag)}>
                <IconX />
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        class="tag-form"
        onSubmit={(e) => {
          e.preventDefault();
          add();
        }}
      >
        <input
          type="text"
          data-autofocus
          list="library-tag-suggestions"
          maxLength={64}
          value={value}
          placeholder={t('libraryTagPlaceholder')}
          aria-label={t('libraryAddTag')}
          onInput={(e) => setValue((e.currentTarget as HTMLInputElement).value)}
        />
        <datalist id="library-tag-suggestions">
          {suggestions.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
        <button type="submit" class="btn primary" disabled={!value.trim()}>
          {t('libraryAddTag')}
        </button>
      </form>
    </>
  );
}
