import { describe, expect, it } from 'vitest';
import { ReadAloud, chunkEnd, pickVoice, voicesFor, wordLengthAt, type ReadAloudState } from '@/utils/reader/speech';
import { FakeSpeech } from '../helpers/fake-speech';

function reader(engine = new FakeSpeech()) {
  const log = { states: [] as ReadAloudState[], blocks: [] as number[], words: [] as string[] };
  let texts: string[] = [];
  const r = new ReadAloud(engine, {
    onState: (s) => log.states.push(s),
    onBlock: (i) => log.blocks.push(i),
    onWord: (b, start, len) => log.words.push(`${b}:${texts[b].slice(start, start + len)}`),
  });
  const start = (t: string[], from = 0) => {
    texts = t;
    r.start(t, from, { lang: 'id', voice: engine.voices[0], rate: 1.2 });
  };
  return { r, engine, log, start };
}

describe('read aloud', () => {
  it('reads block after block, reports each word with its place in the block, and ends idle', () => {
    const { engine, log, start } = reader();
    start(['Judul berita', 'Paragraf pertama di sini.', 'Paragraf kedua.']);
    expect(engine.last.text).toBe('Judul berita');
    expect(engine.last.rate).toBe(1.2);
    expect(engine.last.lang).toBe('id-ID');
    engine.word('berita');
    engine.end();
    expect(engine.last.text).toBe('Paragraf pertama di sini.');
    engine.word('pertama');
    engine.end();
    engine.word('kedua');
    engine.end();
    expect(log.blocks).toEqual([0, 1, 2, -1]);
    expect(log.words).toEqual(['0:berita', '1:pertama', '2:kedua']);
    expect(log.states).toEqual(['playing', 'idle']);
  });

  it('long paragraphs are spoken in sentence chunks; word places count from the block start', () => {
    const sentence = 'Kalimat ini cukup panjang untuk menjadi satu potongan yang dibacakan sendiri oleh mesin suara. ';
    const long = sentence.repeat(5).trim();
    const { engine, log, start } = reader();
    start([long]);
    const first = engine.last.text;
    expect(first.length).toBeLessThanOrEqual(240);
    expect(first.endsWith('. ')).toBe(true);
    engine.end();
    engine.word('Kalimat');
    expect(log.words.at(-1)).toBe('0:Kalimat');
    // The second chunk starts where the first ended.
    expect(long.slice(first.length).startsWith(engine.last.text)).toBe(true);
    expect(engine.last.text.length).toBeGreaterThan(0);
  });

  it('pause cancels and resume speaks again from the last word reached', () => {
    const { r, engine, log, start } = reader();
    start(['Satu dua tiga empat lima.']);
    engine.word('tiga');
    r.pause();
    expect(r.state).toBe('paused');
    const cancels = engine.cancels;
    expect(cancels).toBeGreaterThan(0);
    // A late event from the cancelled utterance changes nothing.
    engine.last.onend?.({});
    expect(r.state).toBe('paused');
    r.resume();
    expect(engine.last.text).toBe('tiga empat lima.');
    engine.word('lima');
    expect(log.words.at(-1)).toBe('0:lima');
    expect(log.states).toEqual(['playing', 'paused', 'playing']);
  });

  it('starts from any block, jumps to another while reading, and stops', () => {
    const { r, engine, log, start } = reader();
    start(['A satu.', 'B dua.', 'C tiga.', 'D empat.'], 2);
    expect(engine.last.text).toBe('C tiga.');
    r.jump(0);
    expect(engine.last.text).toBe('A satu.');
    r.stop();
    expect(r.state).toBe('idle');
    expect(log.blocks).toEqual([2, 0, -1]);
    r.stop();
    expect(log.states).toEqual(['playing', 'idle']);
  });

  it('an engine error ends the reading and is reported; interruptions are not errors', () => {
    const engine = new FakeSpeech();
    const errors: string[] = [];
    const r = new ReadAloud(engine, { onState: () => undefined, onBlock: () => undefined, onWord: () => undefined, onError: (e) => errors.push(e) });
    r.start(['Satu.', 'Dua.'], 0, { lang: 'id', voice: null, rate: 1 });
    engine.last.onerror?.({ error: 'interrupted' });
    expect(r.state).toBe('playing');
    engine.last.onerror?.({ error: 'synthesis-failed' });
    expect(r.state).toBe('idle');
    expect(errors).toEqual(['synthesis-failed']);
  });

  it('a new rate or voice takes effect from the current word', () => {
    const { r, engine, start } = reader();
    start(['Satu dua tiga empat.']);
    engine.word('dua');
    r.update({ rate: 2 });
    expect(engine.last.text).toBe('dua tiga empat.');
    expect(engine.last.rate).toBe(2);
  });

  it('chooses voices for the language: the chosen one, else the default, else any; none for others', () => {
    const voices = [
      { name: 'English', lang: 'en-US', voiceURI: 'en', default: true },
      { name: 'Indonesia A', lang: 'id-ID', voiceURI: 'id-a' },
      { name: 'Indonesia B', lang: 'in_ID', voiceURI: 'id-b', localService: true },
    ];
    expect(voicesFor(voices, 'id').map((v) => v.voiceURI)).toEqual(['id-b', 'id-a']);
    expect(pickVoice(voices, 'id', 'id-a')?.voiceURI).toBe('id-a');
    expect(pickVoice(voices, 'id', 'gone')?.voiceURI).toBe('id-b');
    expect(pickVoice(voices, 'en', undefined)?.voiceURI).toBe('en');
    expect(pickVoice(voices, 'ar', undefined)).toBeNull();
    expect(pickVoice(voices, null, undefined)?.voiceURI).toBe('en');
  });

  it('chunk ends and word lengths', () => {
    const text = 'Pendek.';
    expect(chunkEnd(text, 0)).toBe(text.length);
    const noStops = 'kata '.repeat(100);
    const end = chunkEnd(noStops, 0);
    expect(end).toBeLessThanOrEqual(240);
    expect(noStops[end - 1]).toBe(' ');
    expect(wordLengthAt('memperjuangkan hak', 0)).toBe(14);
    expect(wordLengthAt('Jum’at, 5', 0)).toBe(6);
  });
});
