/**
 * Which translator a press of Translate uses, and what the reader is offered when that is not settled yet
 * (issue 13: with no service chosen, Translate used to end in "choose one in Options").
 *
 * - A chosen service is used as chosen.
 * - 'auto' (nothing chosen yet): the browser's on-device translator when it can do this language pair (Chrome's
 *   Translator; nothing leaves the device, nothing to set up); otherwise the panel offers the services.
 * - 'none' (translation switched off on the options page): the panel offers the services too, the on-device one
 *   first where it can do the pair; nothing is changed until the reader picks one.
 *
 * Pure: the on-device availability check is passed in (it needs the `Translator` global of the reader's window).
 */
import type { TranslationProviderSetting } from '../settings';
import type { Availability, LanguagePair } from './types';

/** The services the panel can offer (utils/translate/providers). */
export type OfferedProvider = 'chrome-builtin' | 'libretranslate' | 'deepl';

/** Services that need something typed on the options page first: a server address, or an API key. */
export type SetUpProvider = Exclude<OfferedProvider, 'chrome-builtin'>;

export interface ProviderOffer {
  id: OfferedProvider;
  /** What the reader must give before it works: nothing (use it now), a server address, or an API key. */
  needs: 'nothing' | 'server' | 'key';
}

/** Where the on-device translator stands for this pair, for the panel's words. */
export type OnDeviceState = 'offered' | 'unsupported-pair' | 'absent';

export type TranslationPlan =
  /** Chrome's Translator, in the reader's page (it needs the reader's click for a first download). */
  | { kind: 'on-device' }
  /** The chosen network service (through the background; directly on an extension page). */
  | { kind: 'service' }
  /** Nothing usable is chosen: offer these, here in the panel. */
  | { kind: 'choose'; offers: ProviderOffer[]; onDevice: OnDeviceState };

/** Asks the on-device translator about a pair; null where the browser has none (Firefox, older Chrome). */
export type OnDeviceAvailability = ((pair: LanguagePair) => Promise<Availability>) | null;

/** The services to offer, on-device first (private, and nothing to set up). */
export function providerOffers(onDevice: OnDeviceState): ProviderOffer[] {
  return [
    ...(onDevice === 'offered' ? [{ id: 'chrome-builtin' as const, needs: 'nothing' as const }] : []),
    { id: 'libretranslate', needs: 'server' },
    { id: 'deepl', needs: 'key' },
  ];
}

async function onDeviceState(onDevice: OnDeviceAvailability, pair: LanguagePair): Promise<OnDeviceState> {
  if (!onDevice) return 'absent';
  try {
    // 'downloadable' counts: the pack downloads from this click, with progress and Cancel.
    return (await onDevice(pair)) === 'unavailable' ? 'unsupported-pair' : 'offered';
  } catch {
    return 'unsupported-pair';
  }
}

export async function planTranslation(setting: TranslationProviderSetting, onDevice: OnDeviceAvailability, pair: LanguagePair): Promise<TranslationPlan> {
  switch (setting.id) {
    case 'chrome-builtin':
      return { kind: 'on-device' };
    case 'libretranslate':
    case 'deepl':
      return { kind: 'service' };
    case 'auto': {
      const state = await onDeviceState(onDevice, pair);
      return state === 'offered' ? { kind: 'on-device' } : { kind: 'choose', offers: providerOffers(state), onDevice: state };
    }
    case 'none': {
      const state = await onDeviceState(onDevice, pair);
      return { kind: 'choose', offers: providerOffers(state), onDevice: state };
    }
  }
}

/** The options page's address part that opens it on one service's set-up (the reader's "Set up" button). */
export const setUpHash = (id: SetUpProvider): string => `#translation-${id}`;

/** The service a `setUpHash` names, or null. */
export function setUpFromHash(hash: string): SetUpProvider | null {
  const m = /^#translation-(libretranslate|deepl)$/.exec(hash);
  return m ? (m[1] as SetUpProvider) : null;
}
