/**
 * The reader's features, in the order the core asks them (toolbar actions appear in this order, after the
 * embedder's). A new feature is a module in this folder and one line here.
 */
import { appearance } from './appearance';
import { fixPage } from './fix-page';
import { join } from './join';
import { print } from './print';
import { readAloud } from './read-aloud';
import { report } from './report';
import { translate } from './translate';
import type { ReaderCore, ReaderFeature } from './types';

export function readerFeatures(core: ReaderCore): ReaderFeature[] {
  const fix = fixPage(core);
  return [appearance(core), readAloud(core), fix, report(core, fix), print(core), join(core), translate(core)];
}
