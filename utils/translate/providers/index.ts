/**
 * Which providers this browser can offer, and one provider from the reader's choice. The settings module owns
 * how the choice is stored; this takes it as plain data.
 */
import { TranslationError } from '../errors';
import type { FetchLike, ProviderId, TranslationProvider } from '../types';
import { chromeTranslatorFrom, createChromeProvider } from './chrome';
import { createDeepL } from './deepl';
import { createLibreTranslate } from './libretranslate';

export type ProviderConfig =
  | { id: 'chrome-builtin' }
  | { id: 'libretranslate'; url: string; apiKey?: string }
  | { id: 'deepl'; apiKey: string };

export interface ProviderEnv {
  fetch: FetchLike;
  /** Where to look for `Translator` (globalThis in the extension). */
  scope?: object;
}

/** Providers to show in the settings: the built-in one only where the browser has it (not in Firefox). */
export function offeredProviders(scope: object = globalThis): ProviderId[] {
  return [...(chromeTranslatorFrom(scope) ? (['chrome-builtin'] as const) : []), 'libretranslate', 'deepl'];
}

export function createProvider(config: ProviderConfig, env: ProviderEnv): TranslationProvider {
  switch (config.id) {
    case 'chrome-builtin': {
      const translator = chromeTranslatorFrom(env.scope ?? globalThis);
      if (!translator) throw new TranslationError('unavailable', config.id, 'this browser has no Translator API');
      return createChromeProvider({ translator });
    }
    case 'libretranslate':
      return createLibreTranslate({ url: config.url, apiKey: config.apiKey, fetch: env.fetch });
    case 'deepl':
      return createDeepL({ apiKey: config.apiKey, fetch: env.fetch });
  }
}
