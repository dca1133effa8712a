/** Read aloud: the voice list, reading from a block, and the block and word highlights that follow the voice. */
import type { SpeechView } from '@/components/ReaderView';
import { ReadAloud, pickVoice, voicesFor, type SpeechEngine, type VoiceLike } from '../speech';
import { textMap, type TextMap } from '../textmap';
import { languageInSentence } from '../../locale-format';
import type { ReaderCore, ReaderFeature } from './types';

/** Blocks read aloud, in reading order (the innermost of nested ones). */
const SPOKEN = 'p, h2, h3, h4, h5, h6, li, blockquote, figcaption, pre, dt, dd, th, td';
const WORD_HIGHLIGHT = 'jernih-word';

type HighlightRegistry = { highlights?: Map<string, unknown> } | undefined;

export function readAloud(core: ReaderCore): ReaderFeature {
  const { env } = core;
  const { win, t } = env;
  let speaker: ReadAloud | null = null;
  let speechState: SpeechView['state'] = 'idle';
  let voices: VoiceLike[] = [];
  let noVoice: SpeechView['noVoice'] = null;
  let spoken: Element[] = [];
  let maps: TextMap[] = [];

  const root = () => core.swap?.root ?? null;
  const languageName = (lang: string) => languageInSentence(lang, env.locale);

  const speechView = (): SpeechView => {
    const lang = core.article?.lang ?? null;
    const fitting = lang ? voicesFor(voices, lang) : voices;
    const chosen = pickVoice(voices, lang, lang ? core.settings.speechVoices[lang] : undefined);
    return {
      available: !!env.speech,
      state: speechState,
      voices: fitting.map((v) => ({ uri: v.voiceURI, name: `${v.name} (${v.lang})` })),
      voice: chosen?.voiceURI ?? null,
      noVoice,
    };
  };

  const listen = () => {
    if (speechState === 'playing') return speaker?.pause();
    if (speechState === 'paused') return speaker?.resume();
    return startReading(firstVisibleBlock());
  };

  const collectBlocks = (): Element[] => {
    const r = root();
    if (!r) return [];
    const title = r.querySelector('#jernih-title');
    const body = Array.from(r.querySelectorAll(`.body :is(${SPOKEN})`)).filter(
      (el) => !el.querySelector(SPOKEN) && !el.closest('[hidden]') && (core.settings.showImages || !el.closest('figure')) && /\S/.test(el.textContent ?? ''),
    );
    return title ? [title, ...body] : body;
  };

  /** Where "Listen" starts: the top, or the first block in view once the reader has scrolled down. */
  const firstVisibleBlock = (): number => {
    const scroller = core.view();
    if (!scroller || scroller.scrollTop < 80) return 0;
    const blocks = collectBlocks();
    const top = (root()?.querySelector('.toolbar') as HTMLElement | null)?.getBoundingClientRect().bottom ?? 0;
    const i = blocks.findIndex((b) => b.getBoundingClientRect().bottom > top + 8);
    return Math.max(0, i);
  };

  const listenFrom = (target: Element) => {
    const i = spoken.findIndex((b) => b === target || b.contains(target));
    if (i >= 0) speaker?.jump(i);
  };

  const loadVoices = (engine: SpeechEngine): Promise<VoiceLike[]> => {
    const now = engine.getVoices();
    if (now.length) return Promise.resolve(now);
    // Chrome fills the list a moment after the first ask.
    return new Promise((ok) => {
      const stop = engine.onVoicesChanged(() => {
        stop();
        clearTimeout(timer);
        ok(engine.getVoices());
      });
      const timer = setTimeout(() => {
        stop();
        ok(engine.getVoices());
      }, 1500);
    });
  };

  const startReading = async (from: number) => {
    const engine = env.speech?.() ?? null;
    if (!engine) {
      core.say(t('noSpeech'));
      return;
    }
    voices = await loadVoices(engine);
    if (!core.swap || !core.article) return;
    const lang = core.article.lang;
    const voice = pickVoice(voices, lang, lang ? core.settings.speechVoices[lang] : undefined);
    if (!voice) {
      // Said in the voice panel (role=alert), which opens for it.
      noVoice = languageName(lang ?? '');
      core.setPanel('speech');
      return;
    }
    noVoice = null;
    speaker?.stop();
    spoken = collectBlocks();
    maps = spoken.map((b) => textMap(b));
    speaker = new ReadAloud(engine, {
      onState: (state) => {
        speechState = state;
        if (state === 'idle') clearHighlight();
        core.paint();
      },
      onBlock: highlightBlock,
      onWord: highlightWord,
      onError: (error) => core.say(t('speechError', error)),
    });
    speaker.start(
      maps.map((m) => m.text),
      from,
      { lang, voice, rate: core.settings.speechRate },
    );
  };

  const setVoice = (uri: string) => {
    const lang = core.article?.lang;
    if (!lang) return;
    core.update({ speechVoices: { ...core.settings.speechVoices, [lang]: uri } });
    const voice = voices.find((v) => v.voiceURI === uri);
    if (voice) speaker?.update({ voice });
  };

  const highlightBlock = (i: number) => {
    clearHighlight();
    const el = spoken[i];
    if (!el) return;
    el.classList.add('speaking');
    const scroller = core.view();
    if (!scroller) return;
    const r = el.getBoundingClientRect();
    const box = scroller.getBoundingClientRect();
    if (r.top < box.top + 80 || r.bottom > box.bottom - 40) {
      const smooth = !win.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
      el.scrollIntoView?.({ block: 'center', behavior: smooth ? 'smooth' : 'auto' });
    }
  };

  const highlightWord = (block: number, start: number, length: number) => {
    const el = spoken[block];
    const map = maps[block];
    if (!el || !map) return;
    el.setAttribute('data-word', map.text.slice(start, start + length));
    const range = map.range(start, length);
    const registry = (win.CSS as unknown as HighlightRegistry)?.highlights;
    const Highlight = (win as unknown as { Highlight?: new (...r: Range[]) => unknown }).Highlight;
    if (range && registry && Highlight) registry.set(WORD_HIGHLIGHT, new Highlight(range));
  };

  const clearWord = () => {
    (win.CSS as unknown as HighlightRegistry)?.highlights?.delete(WORD_HIGHLIGHT);
    for (const el of Array.from(root()?.querySelectorAll('[data-word]') ?? [])) el.removeAttribute('data-word');
  };

  const clearHighlight = () => {
    for (const el of Array.from(root()?.querySelectorAll('.speaking') ?? [])) el.classList.remove('speaking');
    clearWord();
  };

  return {
    events: ['listen', 'listen-top', 'listen-stop'],
    run(event) {
      if (event === 'listen') return listen();
      if (event === 'listen-top') {
        core.panel = null;
        return startReading(0);
      }
      if (event === 'listen-stop') speaker?.stop();
    },
    props: () => ({ speech: speechView(), onVoice: setVoice, onListenFrom: listenFrom }),
    panelOpened(panel) {
      // The voice list, for choosing before reading.
      const engine = panel === 'speech' && !voices.length ? env.speech?.() : null;
      if (!engine) return;
      void loadVoices(engine).then((v) => {
        voices = v;
        const lang = core.article?.lang ?? null;
        noVoice = lang && !pickVoice(v, lang, undefined) ? languageName(lang) : null;
        core.paint();
      });
    },
    settingsChanged(patch) {
      if (patch.speechRate !== undefined && speaker) speaker.update({ rate: core.settings.speechRate });
    },
    unmounted() {
      speaker?.stop();
      speaker = null;
    },
    reset() {
      noVoice = null;
      speechState = 'idle';
      spoken = [];
      maps = [];
    },
  };
}
