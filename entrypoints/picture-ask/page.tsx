/**
 * The pictures question's page (issue 13): framed in the reader after a save (Chrome: picture-ask.html, a
 * web-accessible page), or in a small window of its own (picture-window.html: after a save in Firefox, or from the
 * popup). Glue: utils/library-ui/picture-ask.ts has the flow, components/PictureAsk.tsx the view.
 */
import '@/components/picture-ask.css';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { t, uiLocale } from '@/utils/i18n';
import { saveSettings } from '@/utils/settings';
import { startPictureAsk, type AskState, type PicturesToKeep } from '@/utils/library-ui/picture-ask';
import { PictureAsk } from '@/components/PictureAsk';
import type { KeepPicturesReply } from '@/utils/background/library';

export function startPictureAskPage(inWindow: boolean): void {
  const id = new URLSearchParams(location.search).get('id') ?? '';
  document.documentElement.lang = uiLocale();
  document.title = t('pictureAskFrameTitle');

  // The reader removes the frame when asked by it (it checks that the message comes from this frame).
  const close = () => (inWindow ? window.close() : window.parent.postMessage({ type: 'jernih:picture-ask-close' }, '*'));

  let state: AskState = { kind: 'loading' };
  const paint = (next: AskState) => {
    state = next;
    render(<PictureAsk state={state} t={t} onAllow={() => void ask.allow()} onLater={() => void ask.later()} onClose={close} />, document.getElementById('app')!);
    if (!inWindow) window.parent.postMessage({ type: 'jernih:picture-ask-size', height: document.getElementById('app')!.scrollHeight }, '*');
  };

  const ask = startPictureAsk({
    t,
    locale: uiLocale(),
    need: () => browser.runtime.sendMessage({ type: 'library:pictures-to-keep', id }) as Promise<PicturesToKeep | null>,
    request: (origins) => browser.permissions.request({ origins }),
    contains: (origins) => browser.permissions.contains({ origins }),
    onAdded: (listener) => {
      browser.permissions.onAdded.addListener(listener);
      return () => browser.permissions.onAdded.removeListener(listener);
    },
    keep: () => browser.runtime.sendMessage({ type: 'library:keep-pictures', id }) as Promise<KeepPicturesReply>,
    decline: async () => void (await saveSettings(browser.storage.local, { imageAccess: 'declined' })),
    paint,
  });
  void ask.ready;
}
