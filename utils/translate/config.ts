/**
 * The reader's stored choice (utils/settings.ts) as a provider config, with the key from the secret store
 * (utils/secrets.ts: only the background and extension pages have it). null when translation is off, or when the
 * service needs a key and none is stored (DeepL): "not set up", never a request without its key.
 */
import type { TranslationProviderSetting } from '../settings';
import type { ProviderConfig } from './providers/index';

export function providerConfigOf(setting: TranslationProviderSetting, apiKey?: string): ProviderConfig | null {
  switch (setting.id) {
    // Automatic is decided in the reader (the on-device translator lives there); the background never runs it.
    case 'auto':
    case 'none':
      return null;
    case 'chrome-builtin':
      return { id: 'chrome-builtin' };
    case 'libretranslate':
      return { id: 'libretranslate', url: setting.url, ...(setting.hasKey && apiKey ? { apiKey } : {}) };
    case 'deepl':
      return apiKey ? { id: 'deepl', apiKey } : null;
  }
}
