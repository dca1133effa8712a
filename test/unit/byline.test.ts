import { describe, expect, it } from 'vitest';
import { cleanByline } from '@/utils/extract/metadata';

describe('cleanByline: the author named in a byline', () => {
  it('drops "By" in the reader\'s languages and the web\'s others, and an "Author:" label', () => {
    expect(cleanByline('By Helen Okafor')).toBe('Helen Okafor');
    expect(cleanByline('Oleh Budi Santoso')).toBe('Budi Santoso');
    expect(cleanByline('Por Marta Quesada')).toBe('Marta Quesada');
    expect(cleanByline('Von Sina Giebel')).toBe('Sina Giebel');
    expect(cleanByline('Par Claire Dubois')).toBe('Claire Dubois');
    expect(cleanByline('Autor: Jan Kowalski')).toBe('Jan Kowalski');
  });

  it('keeps names that begin with a particle ("De la Cruz", "Di Stefano") whole', () => {
    expect(cleanByline('De la Cruz')).toBe('De la Cruz');
    expect(cleanByline('Di Stefano')).toBe('Di Stefano');
  });
});
