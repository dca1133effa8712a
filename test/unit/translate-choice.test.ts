/** Issue 13: which translator a press of Translate uses, and what the panel offers when none is settled. */
import { describe, expect, it } from 'vitest';
import { planTranslation, providerOffers, setUpFromHash, setUpHash, type OnDeviceAvailability } from '@/utils/translate/choice';
import type { Availability } from '@/utils/translate/types';

const pair = { source: 'id', target: 'en' };
const onDevice = (answer: Availability | Error): OnDeviceAvailability & { asked: string[] } => {
  const asked: string[] = [];
  const fn = async (p: { source: string; target: string }) => {
    asked.push(`${p.source}>${p.target}`);
    if (answer instanceof Error) throw answer;
    return answer;
  };
  return Object.assign(fn, { asked });
};

describe('planTranslation', () => {
  it('automatic (nothing chosen) uses the on-device translator where it can do the pair, downloadable included', async () => {
    const available = onDevice('available');
    expect(await planTranslation({ id: 'auto' }, available, pair)).toEqual({ kind: 'on-device' });
    expect(available.asked).toEqual(['id>en']);
    expect(await planTranslation({ id: 'auto' }, onDevice('downloadable'), pair)).toEqual({ kind: 'on-device' });
  });

  it('automatic without an on-device translator offers the services, each with what it needs', async () => {
    expect(await planTranslation({ id: 'auto' }, null, pair)).toEqual({
      kind: 'choose',
      onDevice: 'absent',
      offers: [
        { id: 'libretranslate', needs: 'server' },
        { id: 'deepl', needs: 'key' },
      ],
    });
  });

  it('automatic with an on-device translator that cannot do the pair (Malay) offers the services and says why', async () => {
    const plan = await planTranslation({ id: 'auto' }, onDevice('unavailable'), { source: 'ms', target: 'en' });
    expect(plan).toMatchObject({ kind: 'choose', onDevice: 'unsupported-pair' });
    expect(plan.kind === 'choose' && plan.offers.map((o) => o.id)).toEqual(['libretranslate', 'deepl']);
    // A translator that throws is no better than one that cannot.
    expect(await planTranslation({ id: 'auto' }, onDevice(new Error('boom')), pair)).toMatchObject({ kind: 'choose', onDevice: 'unsupported-pair' });
  });

  it('None, chosen on the options page, is kept: nothing runs by itself, the panel offers the on-device translator first', async () => {
    const plan = await planTranslation({ id: 'none' }, onDevice('available'), pair);
    expect(plan).toEqual({ kind: 'choose', onDevice: 'offered', offers: providerOffers('offered') });
    expect(providerOffers('offered')[0]).toEqual({ id: 'chrome-builtin', needs: 'nothing' });
    expect(await planTranslation({ id: 'none' }, null, pair)).toMatchObject({ kind: 'choose', onDevice: 'absent' });
  });

  it('a chosen service is used as chosen, without asking the on-device translator', async () => {
    const probe = onDevice('available');
    expect(await planTranslation({ id: 'deepl', hasKey: true }, probe, pair)).toEqual({ kind: 'service' });
    expect(await planTranslation({ id: 'libretranslate', url: 'http://127.0.0.1:5000' }, probe, pair)).toEqual({ kind: 'service' });
    expect(await planTranslation({ id: 'chrome-builtin' }, probe, pair)).toEqual({ kind: 'on-device' });
    expect(probe.asked).toEqual([]);
  });

  it('the options page opens on one service from the reader, and on nothing from anything else', () => {
    expect(setUpHash('libretranslate')).toBe('#translation-libretranslate');
    expect(setUpFromHash(setUpHash('deepl'))).toBe('deepl');
    expect(setUpFromHash('#translation-google')).toBeNull();
    expect(setUpFromHash('')).toBeNull();
  });
});
