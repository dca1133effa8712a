/** Options page glue: settings and permissions in, OptionsView out. Permission requests stay in the click. */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { OptionsView, type OptionsViewProps } from '@/components/OptionsView';
import { SITE_RULES } from '@/utils/extract/sites';
import { userSitePatterns } from '@/utils/extract/site-patterns';
import { ALL_SITES } from '@/utils/background/user-sites';
import {
  autoCleanOn, loadSettings, normalizeHost, normalizeServiceUrl, saveSettings, translationOrigins, watchSettings, withAutoClean, withoutUserRule,
  type Settings,
} from '@/utils/settings';
import { openSecretStore, saveTranslationForm, translationConfig, type TranslationForm } from '@/utils/secrets';
import { offeredProviders } from '@/utils/translate/providers/index';
import { setUpFromHash } from '@/utils/translate/choice';
import { TRANSLATE_LANGS } from '@/utils/reader/translate';
import { exportUserRules } from '@/utils/reader/rules-export';
import { t, uiLocale } from '@/utils/i18n';

const area = browser.storage.local;
const app = document.getElementById('app')!;
document.documentElement.lang = uiLocale();
let status: OptionsViewProps['status'] = null;
let translationStatus: OptionsViewProps['translationStatus'] = null;
let allSites = false;
// The translation key: in the extension origin's IndexedDB (this page is an extension page), never in storage.local.
const secrets = openSecretStore({ indexedDB });
/** The saved key, read ahead: the DeepL endpoint to ask access for depends on it, and the request must stay in the click. */
let savedKey: string | undefined;
let translationRevision = 0;
const refreshKey = (s: Settings) =>
  translationConfig(s.translation.provider, secrets).then((c) => (savedKey = c && 'apiKey' in c ? c.apiKey : undefined), () => (savedKey = undefined));
const refreshAccess = () => browser.permissions.contains({ origins: ALL_SITES }).then((granted) => (allSites = granted));

function paint(s: Settings) {
  render(
    <OptionsView
      t={t}
      builtIn={SITE_RULES.map((r) => ({ key: r.id, label: r.name, on: autoCleanOn(s, r.id) }))}
      userSites={s.userSites.map((h) => ({ key: h, label: h, on: autoCleanOn(s, h) }))}
      detectEverywhere={s.detectEverywhere}
      theme={s.theme}
      status={status}
      onToggleSite={(key, on) => void saveSettings(area, (cur) => withAutoClean(cur, key, on))}
      onAddSite={(input) => {
        const host = normalizeHost(input);
        if (!host) return say('error', t('optionsInvalidHost'), s);
        // Asked now, inside the click: the browser shows its own prompt for this one site.
        void browser.permissions.request({ origins: userSitePatterns(host) }).then(async (granted) => {
          if (!granted) return say('error', t('optionsPermissionRefused', host), await loadSettings(area));
          const next = await saveSettings(area, (cur) => ({ userSites: [...cur.userSites.filter((h) => h !== host), host] }));
          say('ok', t('optionsSiteAdded', host), next);
        }, () => say('error', t('optionsPermissionRefused', host), s));
      }}
      onRemoveSite={(host) => {
        void saveSettings(area, (cur) => ({ userSites: cur.userSites.filter((h) => h !== host), autoCleanOff: cur.autoCleanOff.filter((k) => k !== host) }))
          .then(async (next) => {
            // Give the access back; a permission the browser holds for another reason simply stays.
            await browser.permissions.remove({ origins: userSitePatterns(host) }).catch(() => false);
            say('ok', t('optionsSiteRemoved', host), next);
          });
      }}
      onDetectEverywhere={(on) => {
        if (on) {
          void browser.permissions.request({ origins: ALL_SITES }).then((granted) => saveSettings(area, { detectEverywhere: granted }));
        } else {
          // The access goes back, unless the person allowed it for the pictures of saved articles.
          void saveSettings(area, { detectEverywhere: false }).then((next) =>
            next.imageAccess === 'allowed' ? undefined : browser.permissions.remove({ origins: ALL_SITES }),
          );
        }
      }}
      onTheme={(theme) => void saveSettings(area, { theme })}
      locale={uiLocale()}
      userRules={s.userRules}
      onRemoveRule={(host) => void saveSettings(area, (cur) => withoutUserRule(cur, host)).then((next) => say('ok', t('optionsRuleRemoved', host), next))}
      onExportRules={() => download('jernih-site-rules.json', exportUserRules(s.userRules))}
      library={{ saveImages: s.saveImages, allSites }}
      onSaveImages={(on) => void saveSettings(area, { saveImages: on })}
      onAllowPictures={() => {
        // Asked now, inside the click. "Detect everywhere" holds the same access; giving it back there is the way out.
        void browser.permissions.request({ origins: ALL_SITES }).then(async (granted) => {
          allSites = granted;
          paint(await saveSettings(area, { imageAccess: granted ? 'allowed' : 'declined' }));
        });
      }}
      translation={{
        saved: s.translation, offered: offeredProviders(globalThis), languages: TRANSLATE_LANGS, uiLang: browser.i18n.getUILanguage(), revision: translationRevision,
        // Opened by the reader's "Set up LibreTranslate" / "Add your DeepL key" (#translation-<service>).
        setUp: setUpFromHash(location.hash),
      }}
      translationStatus={translationStatus}
      onSaveTranslation={(next) => saveTranslation(next, s)}
      onOpenLibrary={() => void browser.tabs.create({ url: `${browser.runtime.getURL('/library.html' as never)}?view=tab` })}
    />,
    app,
  );
}

/** Saves a file through the browser's download of a blob link (no downloads permission needed). */
function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Checks the form, asks for the chosen service's host access (now, inside the click), then saves; refused: not saved. */
function saveTranslation(next: TranslationForm, s: Settings) {
  const tell = (kind: 'ok' | 'error', text: string, settings: Settings) => {
    translationStatus = { kind, text };
    paint(settings);
  };
  const p = next.provider;
  if (p.id === 'libretranslate' && !normalizeServiceUrl(p.url)) return tell('error', t('optionsInvalidUrl'), s);
  // The key in effect after saving: the typed one, none (removed), or the saved one (kept, same service).
  const key = (p.id === 'libretranslate' || p.id === 'deepl') && p.apiKey !== null ? p.apiKey || (s.translation.provider.id === p.id ? savedKey : undefined) : undefined;
  if (p.id === 'deepl' && !key) return tell('error', t('optionsKeyRequired'), s);
  const origins = translationOrigins(p, key);
  const granted = origins.length ? browser.permissions.request({ origins }) : Promise.resolve(true);
  void granted.then(
    async (ok) => {
      if (!ok) return tell('error', t('optionsTranslationRefused', origins[0].replace(/\/\*$/, '')), await loadSettings(area));
      const saved = await saveTranslationForm(area, secrets, next).catch(() => null);
      if (!saved) return tell('error', t('optionsKeyNotSaved'), await loadSettings(area));
      await refreshKey(saved);
      translationRevision++;
      // Set up: the form shows what is saved from now on.
      if (setUpFromHash(location.hash)) history.replaceState(null, '', location.pathname + location.search);
      tell('ok', t('optionsTranslationSaved'), saved);
    },
    () => tell('error', t('optionsTranslationRefused', origins[0].replace(/\/\*$/, '')), s),
  );
}

function say(kind: 'ok' | 'error', text: string, s: Settings) {
  status = { kind, text };
  paint(s);
}

void refreshAccess().finally(() => loadSettings(area).then(async (s) => {
  await refreshKey(s);
  paint(s);
}));
watchSettings(browser.storage.onChanged, (s) => void refreshKey(s).finally(() => paint(s)));
