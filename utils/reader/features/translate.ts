/**
 * The reader's side of translation: the Translate toolbar action (and its key), the translation bar's props, and
 * the context the engine works in. The engine itself is utils/reader/translate.ts (env.translation).
 */
import type { TranslationContext } from '../translate';
import type { ReaderCore, ReaderFeature } from './types';

export function translate(core: ReaderCore): ReaderFeature {
  const { env } = core;

  const context = (): TranslationContext => ({
    body: core.body(),
    scroller: core.view(),
    article: core.article!,
    settings: core.settings,
    repaint: () => core.paint(),
  });

  return {
    events: ['translate'],
    run() {
      core.toolbarAction('translate')?.onClick();
    },
    actions() {
      const tr = env.translation;
      if (!tr) return [];
      return [{
        id: 'translate',
        label: env.t('translateTitle'),
        icon: env.translateIcon?.(),
        pressed: !!tr.view(),
        shortcut: 'translate',
        onClick: () => tr.toggle(context()),
      }];
    },
    props: () => ({
      translate: env.translation?.view() ?? null,
      onTranslate: (e) => env.translation?.handle(e, context()),
    }),
    available: (action) => (action === 'translate' ? !!core.toolbarAction(action) : undefined),
    unmounted() {
      env.translation?.reset();
    },
  };
}
