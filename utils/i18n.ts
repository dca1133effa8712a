/** The UI's translator at the extension's edges: the browser's locale messages, falling back to the key. */
import { browser } from 'wxt/browser';
import type { Translate } from '@/components/i18n';
import { resolveUiLocale } from './locale-format';

export const t: Translate = (key, substitutions) => browser.i18n.getMessage(key as never, substitutions) || key;

/**
 * The locale every view formats dates, times and language names in: the language of the messages the browser
 * picked (their `uiLocale` entry), with the browser's region when it agrees (utils/locale-format.ts says why).
 */
export const uiLocale = (): string => resolveUiLocale(browser.i18n.getMessage('uiLocale' as never), browser.i18n.getUILanguage());
