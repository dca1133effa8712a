/** The toolbar popup shown only on pages where Jernih cannot run (browser pages, the extension store). */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { uiLocale } from '@/utils/i18n';

const t = (key: string) => browser.i18n.getMessage(key as never);
document.documentElement.lang = uiLocale();
render(
  <>
    <h1>{t('cannotRunTitle')}</h1>
    <p>{t('cannotRun')}</p>
  </>,
  document.getElementById('app')!,
);
