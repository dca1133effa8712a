/**
 * The reader's "Save" and "Library" toolbar buttons (ToolbarAction, in the toolbar's action group; S saves). The
 * content script may only ask the background to save the article of its own tab, or to open the library popup
 * (utils/messages.ts ReaderToBackground): it never reads or lists the library itself.
 */
import type { ComponentChildren } from 'preact';
import type { Article } from '../extract/types';
import type { ToolbarAction } from '@/components/reader-types';
import type { Translate } from '@/components/i18n';
import { isSaveReply, savedMessage, type ReaderToBackground, type SaveReply } from '../messages';
import type { ReaderUi } from './controller';

export interface SaveActionDeps {
  t: Translate;
  send: (message: ReaderToBackground) => Promise<unknown>;
  /** The article to save: the one shown, with its other pages joined (ReaderController.readArticle). */
  readArticle: () => Promise<Article | null>;
  icons: { save: (saved: boolean) => ComponentChildren; library: () => ComponentChildren };
  /** Issue 13: ask in place for the hosts of the pictures the save could not keep (Chrome: a frame; absent elsewhere). */
  askPictures?: (savedId: string) => void;
}

export function saveActions(deps: SaveActionDeps): (article: Article, ui: ReaderUi) => ToolbarAction[] {
  const { t } = deps;
  let state: 'idle' | 'saving' | 'saved' = 'idle';

  const save = async (ui: ReaderUi) => {
    if (state === 'saving') return;
    state = 'saving';
    ui.repaint();
    let reply: SaveReply;
    try {
      const article = await deps.readArticle();
      const answer = article ? await deps.send({ type: 'library:save', article }) : null;
      reply = !article
        ? { ok: false, code: 'no-article', message: t('saveNoArticle') }
        : isSaveReply(answer)
          ? answer
          : { ok: false, code: 'error', message: t('saveFailed', 'no answer') };
    } catch (e) {
      reply = { ok: false, code: 'error', message: t('saveFailed', e instanceof Error ? e.message : String(e)) };
    }
    state = reply.ok ? 'saved' : 'idle';
    ui.say(savedMessage(reply, t));
    if (reply.ok && reply.images.ask) deps.askPictures?.(reply.id);
  };

  return (_article, ui) => {
    const label = state === 'saved' ? t('readerSaved') : state === 'saving' ? t('readerSaving') : t('readerSave');
    return [
      {
        id: 'save',
        label,
        icon: deps.icons.save(state === 'saved'),
        pressed: state === 'saved',
        disabled: state === 'saving',
        shortcut: 'save',
        onClick: () => void save(ui),
      },
      { id: 'library', label: t('readerLibrary'), icon: deps.icons.library(), onClick: () => void deps.send({ type: 'library:open' }).catch(() => undefined) },
    ];
  };
}
