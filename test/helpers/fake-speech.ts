/**
 * A fake speech engine for unit tests: it records what it was asked to say and lets the test drive the
 * utterance events (boundary, end, error) the way a browser's engine would fire them.
 */
import type { SpeechEngine, UtteranceLike, VoiceLike } from '@/utils/reader/speech';

export class FakeSpeech implements SpeechEngine {
  spoken: UtteranceLike[] = [];
  cancels = 0;
  private listeners: (() => void)[] = [];
  constructor(public voices: VoiceLike[] = [{ name: 'Damayanti', lang: 'id-ID', voiceURI: 'id-1', default: true, localService: true }]) {}

  getVoices = () => this.voices;
  onVoicesChanged(cb: () => void) {
    this.listeners.push(cb);
    return () => void (this.listeners = this.listeners.filter((l) => l !== cb));
  }
  setVoices(v: VoiceLike[]) {
    this.voices = v;
    for (const l of [...this.listeners]) l();
  }
  createUtterance(text: string): UtteranceLike {
    return { text, lang: '', rate: 1, voice: null, onstart: null, onend: null, onerror: null, onboundary: null };
  }
  speak(u: UtteranceLike) {
    this.spoken.push(u);
  }
  cancel() {
    this.cancels++;
    // Browsers report the cancelled utterance as interrupted.
    const last = this.spoken.at(-1);
    last?.onerror?.({ error: 'interrupted' });
  }
  get last(): UtteranceLike {
    return this.spoken.at(-1)!;
  }
  /** Fires a word boundary for `word` (its first occurrence from `from`) in the last utterance. */
  word(word: string, from = 0) {
    const u = this.last;
    const i = u.text.indexOf(word, from);
    if (i < 0) throw new Error(`"${word}" not in "${u.text}"`);
    u.onboundary?.({ name: 'word', charIndex: i, charLength: word.length });
  }
  end() {
    this.last.onend?.({});
  }
}
