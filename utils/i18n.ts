/** The UI's translator at the extension's edges: the browser's locale messages, falling back to the key. */
import { browser } from 'wxt/browser';
import type { Translate } from '@/components/i18n';

export const t: Translate = (key, substitutions) => browser.i18n.getMessage(key as never, substitutions) || key;
