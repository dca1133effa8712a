/**
 * Read aloud: the article's blocks spoken one after another with the browser's speech synthesis, which comes in
 * as an interface (SpeechEngine), so tests drive it with a fake and the browser test with a stub engine.
 *
 * Each block is spoken in chunks of a sentence or a few (Chrome stops long utterances after about 15 seconds).
 * Pause cancels and remembers the last word reached; resume speaks again from that word. That works on every
 * engine (some have no real pause, or lose it), and the same position serves "read from this paragraph".
 */

export interface VoiceLike {
  name: string;
  lang: string;
  voiceURI: string;
  default?: boolean;
  localService?: boolean;
}

export interface UtteranceLike {
  text: string;
  lang: string;
  rate: number;
  voice: VoiceLike | null;
  onstart: ((e: unknown) => void) | null;
  onend: ((e: unknown) => void) | null;
  onerror: ((e: { error?: string }) => void) | null;
  onboundary: ((e: { name?: string; charIndex: number; charLength?: number }) => void) | null;
}

export interface SpeechEngine {
  getVoices(): VoiceLike[];
  /** Calls back when the voice list changes (voices load late in Chrome); returns the unsubscribe. */
  onVoicesChanged(cb: () => void): () => void;
  createUtterance(text: string): UtteranceLike;
  speak(u: UtteranceLike): void;
  cancel(): void;
}

/** The browser's engine, read from `win` when asked (a test may replace it after the reader loaded). */
export function browserSpeechEngine(win: Window & typeof globalThis): SpeechEngine | null {
  const synth = win.speechSynthesis as SpeechSynthesis | undefined;
  const Utterance = win.SpeechSynthesisUtterance as typeof SpeechSynthesisUtterance | undefined;
  if (!synth || !Utterance) return null;
  return {
    getVoices: () => synth.getVoices() as VoiceLike[],
    onVoicesChanged(cb) {
      const listener = () => cb();
      synth.addEventListener?.('voiceschanged', listener);
      return () => synth.removeEventListener?.('voiceschanged', listener);
    },
    createUtterance: (text) => new Utterance(text) as unknown as UtteranceLike,
    speak: (u) => synth.speak(u as unknown as SpeechSynthesisUtterance),
    cancel: () => synth.cancel(),
  };
}

const primary = (lang: string | null | undefined): string => (lang ?? '').toLowerCase().split(/[-_]/)[0];

/** Voices that speak `lang` (its primary subtag: "id" matches "id-ID"), local ones first. */
export function voicesFor(voices: VoiceLike[], lang: string | null): VoiceLike[] {
  const want = primary(lang);
  // Android Chrome reports Indonesian as the legacy "in".
  const alias = want === 'id' ? 'in' : want === 'in' ? 'id' : want;
  const match = voices.filter((v) => [want, alias].includes(primary(v.lang)));
  return match.sort((a, b) => Number(!!b.localService) - Number(!!a.localService));
}

/**
 * The voice to use: the one the reader chose for this language if it is still there, else the system's
 * default if it speaks the language, else the first that does. Null when no voice speaks it. An article of
 * unknown language is read by the default voice.
 */
export function pickVoice(voices: VoiceLike[], lang: string | null, chosen: string | undefined): VoiceLike | null {
  if (!lang) return voices.find((v) => v.default) ?? voices[0] ?? null;
  const fitting = voicesFor(voices, lang);
  return fitting.find((v) => v.voiceURI === chosen) ?? fitting.find((v) => v.default) ?? fitting[0] ?? null;
}

/** Where the chunk that starts at `from` ends: after a sentence, past `min` characters, before `max` if it can. */
export function chunkEnd(text: string, from: number, min = 80, max = 240): number {
  if (text.length - from <= max) return text.length;
  const re = /[.!?…]["'”’)]*\s+|[;:]\s+/g;
  re.lastIndex = from + min;
  let best = -1;
  for (let m = re.exec(text); m && m.index < from + max; m = re.exec(text)) best = m.index + m[0].length;
  if (best > 0) return best;
  // No sentence end in reach: the last space before max, or max.
  const space = text.lastIndexOf(' ', from + max);
  return space > from + min ? space + 1 : from + max;
}

/** The word at `index` (for engines that report no charLength). */
export function wordLengthAt(text: string, index: number): number {
  const m = /^[\p{L}\p{N}\p{M}'’-]+/u.exec(text.slice(index));
  return m ? m[0].length : Math.min(1, text.length - index);
}

export type ReadAloudState = 'idle' | 'playing' | 'paused';

export interface ReadAloudEvents {
  onState(state: ReadAloudState): void;
  /** The block now being read (or -1 when reading ends). */
  onBlock(index: number): void;
  /** The word being read: its start and length in the block's text. */
  onWord(block: number, start: number, length: number): void;
  /** The engine failed (not a cancel). */
  onError?(error: string): void;
}

export interface ReadAloudOptions {
  lang: string | null;
  voice: VoiceLike | null;
  rate: number;
}

export class ReadAloud {
  private blocks: string[] = [];
  private block = 0;
  private offset = 0;
  /** Start of the last word the engine reported, in the current block (the resume point). */
  private wordAt = 0;
  private gen = 0;
  private opts: ReadAloudOptions = { lang: null, voice: null, rate: 1 };
  state: ReadAloudState = 'idle';

  constructor(
    private readonly engine: SpeechEngine,
    private readonly events: ReadAloudEvents,
  ) {}

  get current(): number {
    return this.state === 'idle' ? -1 : this.block;
  }

  /** Reads `blocks` from block `from` (its start). */
  start(blocks: string[], from: number, opts: ReadAloudOptions): void {
    this.gen++;
    this.engine.cancel();
    this.blocks = blocks;
    this.opts = opts;
    this.block = Math.max(0, Math.min(from, blocks.length - 1));
    this.offset = 0;
    this.wordAt = 0;
    if (!blocks.length) return this.finish();
    this.set('playing');
    this.events.onBlock(this.block);
    this.speakNext();
  }

  /** Jumps to another block while reading (or paused: then it stays paused there). */
  jump(index: number): void {
    if (this.state === 'idle' || index < 0 || index >= this.blocks.length) return;
    this.gen++;
    this.engine.cancel();
    this.block = index;
    this.offset = 0;
    this.wordAt = 0;
    this.events.onBlock(index);
    if (this.state === 'playing') this.speakNext();
  }

  /** New voice or rate: takes effect from the current word. */
  update(opts: Partial<ReadAloudOptions>): void {
    this.opts = { ...this.opts, ...opts };
    if (this.state !== 'playing') return;
    this.gen++;
    this.engine.cancel();
    this.offset = this.wordAt;
    this.speakNext();
  }

  pause(): void {
    if (this.state !== 'playing') return;
    this.gen++;
    this.engine.cancel();
    this.offset = this.wordAt;
    this.set('paused');
  }

  resume(): void {
    if (this.state !== 'paused') return;
    this.set('playing');
    this.speakNext();
  }

  stop(): void {
    if (this.state === 'idle') return;
    this.gen++;
    this.engine.cancel();
    this.finish();
  }

  private speakNext(): void {
    const text = this.blocks[this.block];
    if (text === undefined) return this.finish();
    const from = this.offset;
    if (from >= text.length) return this.advance();
    const end = chunkEnd(text, from);
    const u = this.engine.createUtterance(text.slice(from, end));
    u.lang = this.opts.voice?.lang ?? this.opts.lang ?? '';
    u.voice = this.opts.voice;
    u.rate = this.opts.rate;
    const gen = ++this.gen;
    const block = this.block;
    this.wordAt = from;
    u.onboundary = (e) => {
      if (gen !== this.gen || (e.name && e.name !== 'word')) return;
      const start = from + e.charIndex;
      this.wordAt = start;
      this.events.onWord(block, start, e.charLength || wordLengthAt(text, start));
    };
    u.onend = () => {
      if (gen !== this.gen) return;
      this.offset = end;
      this.wordAt = end;
      if (end >= text.length) this.advance();
      else this.speakNext();
    };
    u.onerror = (e) => {
      if (gen !== this.gen) return;
      // "interrupted"/"canceled" come from our own cancel; anything else ends the reading.
      if (e.error === 'interrupted' || e.error === 'canceled') return;
      this.events.onError?.(e.error ?? 'error');
      this.finish();
    };
    this.engine.speak(u);
  }

  private advance(): void {
    this.block++;
    this.offset = 0;
    this.wordAt = 0;
    if (this.block >= this.blocks.length) return this.finish();
    this.events.onBlock(this.block);
    this.speakNext();
  }

  private finish(): void {
    this.gen++;
    this.set('idle');
    this.events.onBlock(-1);
  }

  private set(state: ReadAloudState): void {
    if (this.state === state) return;
    this.state = state;
    this.events.onState(state);
  }
}
