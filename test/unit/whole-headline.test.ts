import { describe, expect, it } from 'vitest';
import { wholeHeadline } from '@/utils/extract/metadata';

describe('wholeHeadline: a headline the site cut short', () => {
  const whole = 'Hari Pertama Ramadhan, Puluhan Warga Kehilangan Rumah';

  it('gives way to a statement of it that begins with the same words and goes on', () => {
    expect(wholeHeadline('Hari Pertama Ramadhan, Puluhan Warga...', () => [null, whole])).toBe(whole);
    expect(wholeHeadline('Hari Pertama Ramadhan, Puluhan Warga …', () => [whole.toUpperCase(), whole])).toBe(whole.toUpperCase());
  });

  it('stays when nothing else says more, or when it was never cut', () => {
    expect(wholeHeadline('Hari Pertama Ramadhan, Puluhan Warga...', () => ['Berita Lain Sama Sekali', 'Hari Pertama Ramadhan, Puluhan...'])).toBe('Hari Pertama Ramadhan, Puluhan Warga...');
    expect(wholeHeadline(whole, () => [`${whole} Lagi`])).toBe(whole);
    expect(wholeHeadline(null, () => [whole])).toBeNull();
  });

  it('does not trust a stem too short to say which headline it is', () => {
    expect(wholeHeadline('Wait...', () => ['Wait for it: the long story'])).toBe('Wait...');
  });
});
