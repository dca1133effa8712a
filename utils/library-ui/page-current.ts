/**
 * The popup's strip about the page it was opened over: read it in Jernih, save it (or take it out again when it is
 * in the library already), and its site's auto-clean switch on a supported site.
 */
import type { LibraryViewProps } from '@/components/library-types';
import { displayHost } from '../library/canonical';
import { autoCleanOn, withAutoClean } from '../settings';
import { savedMessage, type SaveReply } from '../messages';
import type { PageContext } from './page-context';
import type { Listing } from './page-list';

export type CurrentPageHandlers = Pick<LibraryViewProps, 'onReadPage' | 'onSavePage' | 'onRemovePage' | 'onAutoClean'>;

export interface CurrentPage {
  handlers: CurrentPageHandlers;
  /** What the strip shows (null: none, in a tab or before the tab is known). */
  view: () => LibraryViewProps['current'];
  /** Asks the library whether the tab's page is saved (then the strip offers Remove, not Save). */
  findSavedPage: () => Promise<void>;
}

export function createCurrentPage(
  { env, state, paint, track, library, say }: PageContext,
  { refreshItems, refreshMeta }: Pick<Listing, 'refreshItems' | 'refreshMeta'>,
  remove: (ids: string[]) => Promise<void>,
): CurrentPage {
  const { t } = env;

  /** The supported site the tab shows, if any (known once the settings and the site rules are loaded). */
  const siteOfTab = () => {
    const url = state.tab?.url;
    return url && state.settings && state.siteFor ? state.siteFor(url, state.settings) : null;
  };

  const view = (): LibraryViewProps['current'] => {
    if (env.mode !== 'popup' || !state.tab) return null;
    const url = state.tab.url;
    const web = !url || /^https?:/i.test(url);
    const site = siteOfTab();
    return {
      host: url ? displayHost(url) : null,
      canRun: web,
      saving: state.saving,
      saved: state.savedId !== null,
      auto: site && state.settings ? { label: site.label, on: autoCleanOn(state.settings, site.site) } : null,
    };
  };

  const savePage = async () => {
    const tab = state.tab;
    if (!tab) return;
    state.saving = true;
    paint();
    let reply: SaveReply;
    try {
      reply = await env.saveTab(tab.id);
    } catch (e) {
      reply = { ok: false, code: 'error', message: t('saveFailed', e instanceof Error ? e.message : String(e)) };
    }
    state.saving = false;
    say(reply.ok ? { kind: reply.images.blocked || reply.images.failed ? 'info' : 'ok', text: savedMessage(reply, t) } : { kind: 'error', text: reply.message });
    if (!reply.ok) return;
    state.savedId = reply.id;
    await refreshItems();
    state.active = state.items.findIndex((i) => i.id === reply.id);
    paint();
    void refreshMeta();
  };

  /** Asked of the library's own lookup, by its normalized URL (canonical.ts). */
  const findSavedPage = async () => {
    const url = state.tab?.url;
    if (!url || !/^https?:/i.test(url)) return;
    const record = await (await library()).getByUrl(url).catch(() => null);
    state.savedId = record && record.deletedAt === null ? record.id : null;
    paint();
  };

  const handlers: CurrentPageHandlers = {
    onReadPage: () => {
      if (!state.tab) return;
      void env.readTab(state.tab.id).finally(() => env.close());
    },
    onSavePage: () => {
      if (!state.tab || state.saving) return;
      void track(savePage());
    },
    onRemovePage: () => {
      if (state.savedId) void track(remove([state.savedId]));
    },
    onAutoClean: (on) => {
      const site = siteOfTab();
      if (!site) return;
      void env.saveSettings((s) => withAutoClean(s, site.site, on)).then((s) => {
        state.settings = s;
        paint();
      });
    },
  };

  return { handlers, view, findSavedPage };
}
