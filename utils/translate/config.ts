/** The reader's stored choice (utils/settings.ts) as a provider config; null when translation is off. */
import type { TranslationProviderSetting } from '../settings';
import type { ProviderConfig } from './providers/index';

export function providerConfigOf(setting: TranslationProviderSetting): ProviderConfig | null {
  switch (setting.id) {
    case 'none':
      return null;
    case 'chrome-builtin':
      return { id: 'chrome-builtin' };
    case 'libretranslate':
      return { id: 'libretranslate', url: setting.url, ...(setting.apiKey ? { apiKey: setting.apiKey } : {}) };
    case 'deepl':
      return { id: 'deepl', apiKey: setting.apiKey };
  }
}
