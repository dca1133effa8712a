/**
 * A stub of the browser's speech engine for the read-aloud tests. Headless Chromium on a server has no voices,
 * so the test puts this fake speechSynthesis / SpeechSynthesisUtterance in place: each utterance "speaks" one word
 * every `wordMs`, firing boundary events with charIndex/charLength, then end; cancel interrupts.
 *
 * Where it goes: the reader is a content script, and content scripts run in an isolated world with their own
 * window object, so a fake installed in the page's main world (page.addInitScript) is invisible to them. The
 * stub is therefore evaluated in the extension's isolated world of the tab, through CDP (Runtime.evaluate with
 * that world's context id), after the reader was injected. The reader asks for the engine when reading starts
 * (utils/reader/boot.ts), so it finds the stub.
 */
import type { Page } from 'playwright-core';
import { evaluateInReaderWorld } from './reader-world';

export interface StubVoice {
  name: string;
  lang: string;
  voiceURI: string;
  default?: boolean;
  localService?: boolean;
}

/**
 * The stub's source: a function of (voices, wordMs), run in the target world. Plain JavaScript in a string, so
 * no transpiler helper (esbuild's __name) ends up in code that runs in the page.
 */
const STUB = `(voices, wordMs) => {
  const log = [];
  let current = null;
  class Utterance {
    constructor(text) {
      this.text = text; this.lang = ''; this.rate = 1; this.voice = null;
      this.onstart = null; this.onend = null; this.onerror = null; this.onboundary = null;
    }
  }
  const words = (text) => Array.from(text.matchAll(/\\S+/g)).map((m) => ({
    index: m.index, length: m[0].replace(/[.,;:!?"\u201d\u2019)]+$/, '').length || m[0].length,
  }));
  const synth = {
    speaking: false, paused: false, pending: false, log,
    getVoices: () => voices,
    addEventListener() {}, removeEventListener() {},
    speak(u) {
      log.push({ text: u.text, lang: u.lang, rate: u.rate, voice: u.voice ? u.voice.voiceURI : null });
      const list = words(u.text);
      let i = 0;
      const entry = { u, timer: null };
      current = entry;
      synth.speaking = true;
      if (u.onstart) u.onstart({});
      const next = () => {
        if (current !== entry) return;
        if (i < list.length) {
          if (u.onboundary) u.onboundary({ name: 'word', charIndex: list[i].index, charLength: list[i].length });
          i++;
          entry.timer = setTimeout(next, wordMs / (u.rate || 1));
        } else {
          current = null;
          synth.speaking = false;
          if (u.onend) u.onend({});
        }
      };
      entry.timer = setTimeout(next, 5);
    },
    cancel() {
      const c = current;
      current = null;
      synth.speaking = false;
      if (c) {
        clearTimeout(c.timer);
        if (c.u.onerror) c.u.onerror({ error: 'interrupted' });
      }
    },
    pause() {}, resume() {},
  };
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
  Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true, writable: true });
  window.__speechStub = synth;
}`;

/** Installs the stub engine where the reader looks for it. */
export function installSpeechStub(page: Page, extensionId: string, voices: StubVoice[], wordMs = 25): Promise<unknown> {
  return evaluateInReaderWorld(page, extensionId, `(${STUB})(${JSON.stringify(voices)}, ${wordMs}); true`);
}

/** What the stub was asked to say (text, lang, rate, voice of each utterance). */
export function spokenSoFar(page: Page, extensionId: string): Promise<{ text: string; lang: string; rate: number; voice: string | null }[]> {
  return evaluateInReaderWorld(page, extensionId, 'window.__speechStub ? window.__speechStub.log : []');
}

/** Whether the stub has an utterance going (a cancel or its end stops it, and with it the stub's word timer). */
export function speechInProgress(page: Page, extensionId: string): Promise<boolean> {
  return evaluateInReaderWorld(page, extensionId, '!!(window.__speechStub && window.__speechStub.speaking)');
}
