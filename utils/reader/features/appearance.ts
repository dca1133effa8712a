/**
 * The keys and buttons that change how the article looks: text size, column width, theme, images (the Appearance
 * panel itself opens and closes in the core, as every panel does).
 */
import { COLUMN_WIDTH, THEMES, nextFontSize, stepRange } from '../../settings';
import type { ReaderCore, ReaderFeature } from './types';

export function appearance(core: ReaderCore): ReaderFeature {
  return {
    events: ['font-larger', 'font-smaller', 'wider', 'narrower', 'theme-next', 'images'],
    run(event) {
      const { settings } = core;
      switch (event) {
        case 'font-larger':
        case 'font-smaller':
          return core.update({ fontSize: nextFontSize(settings.fontSize, event === 'font-larger' ? 1 : -1) });
        case 'wider':
        case 'narrower':
          return core.update({ columnWidth: stepRange(settings.columnWidth, COLUMN_WIDTH, event === 'wider' ? 1 : -1) });
        case 'theme-next':
          return core.update({ theme: THEMES[(THEMES.indexOf(settings.theme) + 1) % THEMES.length] });
        case 'images':
          return core.update({ showImages: !settings.showImages });
      }
    },
  };
}
