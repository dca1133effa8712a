/**
 * Changing articles from the library page: read marks, tags, delete (to the trash, with Undo), and the selection
 * of rows the delete and the export act on.
 */
import type { LibraryViewProps } from '@/components/library-types';
import type { Library } from '../library/library';
import type { ArticleSummary } from '../library/types';
import type { PageContext } from './page-context';
import type { Listing } from './page-list';

export type ArticleHandlers = Pick<
  LibraryViewProps,
  'onDelete' | 'onDeleteSelected' | 'onToggleRead' | 'onTags' | 'onAddTag' | 'onRemoveTag' | 'onSelect' | 'onSelecting'
>;

export interface ArticleActions {
  handlers: ArticleHandlers;
  /** Moves the articles to the trash and offers Undo (also the current page's Remove). */
  remove: (ids: string[]) => Promise<void>;
}

interface Removed {
  item: ArticleSummary;
  index: number;
}

export function createArticleActions({ env, state, paint, track, library, say, fail }: PageContext, { refreshMeta }: Pick<Listing, 'refreshMeta'>): ArticleActions {
  const { t } = env;

  const replace = (summary: ArticleSummary) => {
    state.items = state.items.map((i) => (i.id === summary.id ? summary : i));
    if (state.panel?.kind === 'tags' && state.panel.item.id === summary.id) state.panel = { kind: 'tags', item: summary };
  };

  const change = async (item: ArticleSummary, fn: (l: Library) => Promise<{ read: boolean; tags: string[]; position: { progress: number } }>) => {
    try {
      const r = await fn(await library());
      replace({ ...item, read: r.read, tags: [...r.tags], progress: r.position.progress });
      paint();
      void refreshMeta();
    } catch (e) {
      fail(e);
    }
  };

  const remove = async (ids: string[]) => {
    if (!ids.length) return;
    const l = await library();
    const gone: Removed[] = [];
    const undos: (() => Promise<unknown>)[] = [];
    try {
      for (const id of ids) {
        const index = state.items.findIndex((i) => i.id === id);
        undos.push((await l.delete(id)).undo);
        if (index >= 0) gone.push({ item: state.items[index], index });
      }
    } catch (e) {
      fail(e);
    }
    const goneIds = new Set(gone.map((g) => g.item.id));
    const pageWas = state.savedId !== null && ids.includes(state.savedId) && undos.length === ids.length ? state.savedId : null;
    if (pageWas) state.savedId = null;
    // The current page's article may be outside the rows loaded (a filter, a long list): its title from the record.
    const single = gone[0]?.item.title ?? (ids.length === 1 ? ((await l.get(ids[0]).catch(() => null))?.article.title ?? '') : null);
    state.items = state.items.filter((i) => !goneIds.has(i.id));
    for (const id of goneIds) state.selected.delete(id);
    if (state.active >= state.items.length) state.active = state.items.length - 1;
    state.total = Math.max(0, state.total - gone.length);
    const text = single !== null && ids.length === 1 ? t('libraryDeleted', single) : t('libraryDeletedMany', String(gone.length));
    say({ kind: 'info', text, undo: true }, async () => {
      for (const u of undos) await u();
      if (pageWas) state.savedId = pageWas;
      // Back where they were (ascending, so the indexes hold).
      for (const g of [...gone].sort((a, b) => a.index - b.index)) state.items.splice(Math.min(g.index, state.items.length), 0, g.item);
      state.total += gone.length;
      say({ kind: 'ok', text: t('libraryRestored') });
      void refreshMeta();
    });
    void refreshMeta();
  };

  const handlers: ArticleHandlers = {
    onDelete: (item) => void track(remove([item.id])),
    onDeleteSelected: () => void track(remove(state.items.filter((i) => state.selected.has(i.id)).map((i) => i.id))),
    onToggleRead: (item) => void track(change(item, (l) => l.markRead(item.id, !item.read))),
    onTags: (item) => {
      state.panel = { kind: 'tags', item };
      paint();
    },
    onAddTag: (item, value) => void track(change(item, (l) => l.addTag(item.id, value)).then(refreshMeta)),
    onRemoveTag: (item, value) => void track(change(item, (l) => l.removeTag(item.id, value)).then(refreshMeta)),
    onSelect: (item) => {
      state.selecting = true;
      if (state.selected.has(item.id)) state.selected.delete(item.id);
      else state.selected.add(item.id);
      paint();
    },
    onSelecting: (on) => {
      state.selecting = on;
      if (!on) state.selected.clear();
      paint();
    },
  };

  return { handlers, remove };
}
