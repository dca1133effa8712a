import { useState } from 'preact/hooks';
import type { Translate } from './i18n';
import { formatDateTime, languageName } from '@/utils/locale-format';
import { THEMES, type Theme, type TranslationSettings, type UserRule } from '@/utils/settings';
import type { TranslationForm } from '@/utils/secrets';
import { THEME_KEYS } from './AppearancePanel';

export interface SiteRow {
  /** Switch key: rule id for built-in sites, host for user-added ones. */
  key: string;
  label: string;
  on: boolean;
}

export interface OptionsViewProps {
  t: Translate;
  builtIn: SiteRow[];
  userSites: SiteRow[];
  detectEverywhere: boolean;
  theme: Theme;
  /** A message after an action (added, refused, invalid host). */
  status?: { kind: 'ok' | 'error'; text: string } | null;
  onToggleSite: (key: string, on: boolean) => void;
  /** Called in the click itself: browsers grant permissions only during a user gesture. */
  onAddSite: (host: string) => void;
  onRemoveSite: (host: string) => void;
  onDetectEverywhere: (on: boolean) => void;
  onTheme: (theme: Theme) => void;
  /** The user's own site rules (made in the reader with "Pick the article" and "Remove a block"). */
  userRules?: UserRule[];
  onRemoveRule?: (host: string) => void;
  onExportRules?: () => void;
  locale?: string;
  /** Saved articles: keep their pictures, and whether pictures on other sites can be fetched (access to all sites). */
  library?: { saveImages: boolean; allSites: boolean };
  onSaveImages?: (on: boolean) => void;
  /** Called in the click itself (a permission request). */
  onAllowPictures?: () => void;
  onOpenLibrary?: () => void;
  /**
   * Translation: the saved choice (its key only as `hasKey`: the key is never shown), the providers this browser
   * offers, and the languages for "Translate into". `revision` changes after each save: the form starts afresh.
   * `setUp`: opened from the reader's Translate panel to set up this service (it is picked, its field focused).
   */
  translation?: { saved: TranslationSettings; offered: string[]; languages: string[]; uiLang: string; revision?: number; setUp?: 'libretranslate' | 'deepl' | null };
  /** Called in the Save click itself (it asks for the service's host permission). The key: new, null (remove) or left out (keep). */
  onSaveTranslation?: (next: TranslationForm) => void;
  translationStatus?: { kind: 'ok' | 'error'; text: string } | null;
}

type ProviderChoice = 'auto' | 'none' | 'chrome-builtin' | 'libretranslate' | 'deepl';
const PROVIDER_KEYS: Record<ProviderChoice, string> = {
  auto: 'optionsProviderAuto',
  none: 'optionsProviderNone',
  'chrome-builtin': 'optionsProviderChrome',
  libretranslate: 'optionsProviderLibre',
  deepl: 'optionsProviderDeepl',
};

/** Under a key field: that a key is saved (never the key), with a button to remove it on Save. */
function KeyState(props: { p: OptionsViewProps; id: string; saved: boolean; removing: boolean; onRemove: () => void }) {
  const { t } = props.p;
  if (!props.saved) return null;
  if (props.removing) return <p class="hint" id={props.id} data-key-state="removing">{t('optionsKeyWillRemove')}</p>;
  return (
    <p class="hint" id={props.id} data-key-state="saved">
      {t('optionsKeySaved')}{' '}
      <button type="button" data-action="remove-key" onClick={props.onRemove}>
        {t('optionsKeyRemove')}
      </button>
    </p>
  );
}

/** The Translation section: a small form, saved as a whole (Save asks for the chosen service's host access). */
function TranslationSection(p: OptionsViewProps) {
  const { t } = p;
  const tr = p.translation!;
  const saved = tr.saved.provider;
  const [choice, setChoice] = useState<ProviderChoice>(tr.setUp ?? saved.id);
  const [url, setUrl] = useState(saved.id === 'libretranslate' ? saved.url : '');
  // The key fields start empty: a stored key is said to be there, never shown (issue #14).
  const [ltKey, setLtKey] = useState('');
  const [deeplKey, setDeeplKey] = useState('');
  const [removeKey, setRemoveKey] = useState(false);
  const keySaved = (c: ProviderChoice) => saved.id === c && (saved.id === 'libretranslate' || saved.id === 'deepl') && saved.hasKey === true;
  /** The key to send: typed (new), null (remove the saved one), or left out (keep the saved one, if any). */
  const keyChange = (typed: string): { apiKey?: string | null } =>
    typed.trim() ? { apiKey: typed.trim() } : removeKey && keySaved(choice) ? { apiKey: null } : {};
  const [target, setTarget] = useState(tr.saved.target);
  const choices = (['auto', 'none', ...tr.offered] as ProviderChoice[]).filter((c, i, a) => a.indexOf(c) === i);
  const value = (e: Event) => (e.currentTarget as HTMLInputElement).value;
  const submit = (e: Event) => {
    e.preventDefault();
    const provider: TranslationForm['provider'] =
      choice === 'libretranslate'
        ? { id: 'libretranslate', url: url.trim(), ...keyChange(ltKey) }
        : choice === 'deepl'
          ? { id: 'deepl', ...keyChange(deeplKey) }
          : { id: choice };
    p.onSaveTranslation?.({ provider, target });
  };
  return (
    <section aria-labelledby="translate-h" data-section="translation">
      <h2 id="translate-h">{t('optionsTranslationTitle')}</h2>
      <p class="hint">{t('optionsTranslationHint')}</p>
      <form class="translation" noValidate onSubmit={submit}>
        <fieldset>
          <legend>{t('optionsProvider')}</legend>
          {choices.map((c) => (
            <label key={c} class="choice">
              <input type="radio" name="provider" value={c} data-provider={c} checked={choice === c} onChange={() => setChoice(c)} />
              {t(PROVIDER_KEYS[c])}
            </label>
          ))}
        </fieldset>
        {choice === 'libretranslate' && (
          <div class="fields">
            <label for="lt-url">{t('optionsLibreUrl')}</label>
            <input id="lt-url" name="lt-url" type="url" inputMode="url" autoFocus={tr.setUp === 'libretranslate'} placeholder="https://libretranslate.example.org" value={url} onInput={(e) => setUrl(value(e))} />
            <label for="lt-key">{t('optionsLibreKey')}</label>
            <input
              id="lt-key" name="lt-key" type="password" autoComplete="off" value={ltKey} onInput={(e) => setLtKey(value(e))}
              aria-describedby={keySaved('libretranslate') ? 'libretranslate-key-state' : undefined}
            />
            <KeyState p={p} id="libretranslate-key-state" saved={keySaved('libretranslate')} removing={removeKey} onRemove={() => setRemoveKey(true)} />
          </div>
        )}
        {choice === 'deepl' && (
          <div class="fields">
            <label for="deepl-key">{t('optionsDeeplKey')}</label>
            <input
              id="deepl-key" name="deepl-key" type="password" autoComplete="off" autoFocus={tr.setUp === 'deepl'} value={deeplKey} onInput={(e) => setDeeplKey(value(e))}
              aria-describedby={keySaved('deepl') ? 'deepl-key-state' : undefined}
            />
            <KeyState p={p} id="deepl-key-state" saved={keySaved('deepl')} removing={removeKey} onRemove={() => setRemoveKey(true)} />
            <p class="hint">{t('optionsDeeplKeyHint')}</p>
          </div>
        )}
        {(choice === 'libretranslate' || choice === 'deepl') && <p class="hint">{t('optionsKeysLocal')}</p>}
        <div class="fields">
          <label for="tr-target">{t('optionsTargetLanguage')}</label>
          <select id="tr-target" name="tr-target" value={target} onChange={(e) => setTarget((e.currentTarget as HTMLSelectElement).value)}>
            <option value="">{t('translateLangBrowser', languageName(tr.uiLang, p.locale))}</option>
            {tr.languages.map((l) => (
              <option key={l} value={l}>
                {languageName(l, p.locale)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" data-action="save-translation">{t('optionsTranslationSave')}</button>
        {p.translationStatus && (
          <p class={`status ${p.translationStatus.kind}`} role={p.translationStatus.kind === 'error' ? 'alert' : 'status'} data-translation-status={p.translationStatus.kind}>
            {p.translationStatus.text}
          </p>
        )}
      </form>
    </section>
  );
}


export function OptionsView(p: OptionsViewProps) {
  const { t } = p;
  const [host, setHost] = useState('');
  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>

      <section aria-labelledby="sites-h">
        <h2 id="sites-h">{t('optionsSupportedSites')}</h2>
        <p class="hint">{t('optionsSupportedHint')}</p>
        <ul class="sites" data-list="builtin">
          {p.builtIn.map((s) => (
            <li key={s.key}>
              <label>
                <input type="checkbox" data-site={s.key} checked={s.on} onChange={(e) => p.onToggleSite(s.key, (e.currentTarget as HTMLInputElement).checked)} />
                {s.label}
              </label>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="user-h">
        <h2 id="user-h">{t('optionsYourSites')}</h2>
        <p class="hint">{t('optionsYourSitesHint')}</p>
        <form
          class="add"
          onSubmit={(e) => {
            e.preventDefault();
            p.onAddSite(host);
          }}
        >
          <label for="add-host">{t('optionsAddSiteLabel')}</label>
          <input id="add-host" name="host" type="text" inputMode="url" placeholder="tribunjateng.com" value={host} onInput={(e) => setHost((e.currentTarget as HTMLInputElement).value)} />
          <button type="submit" data-action="add-site">{t('optionsAddSite')}</button>
        </form>
        {p.status && (
          <p class={`status ${p.status.kind}`} role={p.status.kind === 'error' ? 'alert' : 'status'}>
            {p.status.text}
          </p>
        )}
        {p.userSites.length === 0 ? (
          <p class="empty">{t('optionsNoUserSites')}</p>
        ) : (
          <ul class="sites" data-list="user">
            {p.userSites.map((s) => (
              <li key={s.key}>
                <label>
                  <input type="checkbox" data-site={s.key} checked={s.on} onChange={(e) => p.onToggleSite(s.key, (e.currentTarget as HTMLInputElement).checked)} />
                  {s.label}
                </label>
                <button type="button" data-remove={s.key} onClick={() => p.onRemoveSite(s.key)} aria-label={t('optionsRemoveSiteNamed', s.label)}>
                  {t('optionsRemoveSite')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>

      {p.library && (
        <section aria-labelledby="library-h" data-section="library">
          <h2 id="library-h">{t('optionsLibraryTitle')}</h2>
          <label>
            <input type="checkbox" data-action="save-images" checked={p.library.saveImages} onChange={(e) => p.onSaveImages?.((e.currentTarget as HTMLInputElement).checked)} />
            {t('optionsSaveImages')}
          </label>
          <p class="hint">{t('optionsSaveImagesHint')}</p>
          <p class="row-buttons">
            {p.library.saveImages &&
              (p.library.allSites ? (
                <span class="status ok">{t('optionsImageAccessGranted')}</span>
              ) : (
                <button type="button" data-action="allow-pictures" onClick={() => p.onAllowPictures?.()}>
                  {t('optionsImageAccess')}
                </button>
              ))}
            <button type="button" data-action="open-library" onClick={() => p.onOpenLibrary?.()}>
              {t('optionsOpenLibrary')}
            </button>
          </p>
        </section>
      )}

      {p.translation && <TranslationSection key={p.translation.revision ?? 0} {...p} />}

      <section aria-labelledby="detect-h">
        <h2 id="detect-h">{t('optionsDetectTitle')}</h2>
        <label>
          <input type="checkbox" data-action="detect-everywhere" checked={p.detectEverywhere} onChange={(e) => p.onDetectEverywhere((e.currentTarget as HTMLInputElement).checked)} />
          {t('optionsDetectLabel')}
        </label>
        <p class="hint">{t('optionsDetectHint')}</p>
      </section>

      <section aria-labelledby="rules-h" data-section="user-rules">
        <h2 id="rules-h">{t('optionsRulesTitle')}</h2>
        <p class="hint">{t('optionsRulesHint')}</p>
        {(p.userRules ?? []).length === 0 ? (
          <p class="empty">{t('optionsNoRules')}</p>
        ) : (
          <>
            <ul class="rules" data-list="rules">
              {p.userRules!.map((r) => (
                <li key={r.host} data-rule={r.host}>
                  <div class="rule-head">
                    <strong>{r.host}</strong>
                    <span class="muted">{formatDateTime(r.updated, null, p.locale)}</span>
                    <button type="button" data-remove-rule={r.host} onClick={() => p.onRemoveRule?.(r.host)} aria-label={t('optionsRemoveSiteNamed', r.host)}>
                      {t('optionsRemoveSite')}
                    </button>
                  </div>
                  <dl>
                    {r.body && (
                      <>
                        <dt>{t('optionsRuleBody')}</dt>
                        <dd>
                          <code>{r.body}</code>
                        </dd>
                      </>
                    )}
                    {r.remove.length > 0 && (
                      <>
                        <dt>{t('optionsRuleRemove', String(r.remove.length))}</dt>
                        {r.remove.map((sel) => (
                          <dd key={sel}>
                            <code>{sel}</code>
                          </dd>
                        ))}
                      </>
                    )}
                  </dl>
                </li>
              ))}
            </ul>
            <button type="button" data-action="export-rules" onClick={() => p.onExportRules?.()}>
              {t('optionsExportRules')}
            </button>
          </>
        )}
      </section>

      <section aria-labelledby="look-h">
        <h2 id="look-h">{t('theme')}</h2>
        <div role="radiogroup" aria-labelledby="look-h" class="themes">
          {THEMES.map((theme) => (
            <label key={theme}>
              <input type="radio" name="theme" value={theme} checked={p.theme === theme} onChange={() => p.onTheme(theme)} />
              {t(THEME_KEYS[theme])}
            </label>
          ))}
        </div>
      </section>
    </main>
  );
}
