/**
 * The welcome page, opened once on install (utils/background/welcome.ts): in a few lines, where everything is.
 * The button and its shortcut, auto-clean and its sites, the keyboard, the saved list (with a way to it) and why
 * saving pictures may ask for a permission. Props in, events out: entrypoints/welcome/main.tsx has the browser.
 */
import type { Translate } from './i18n';
import { IconLibrary, IconSave, IconSettings } from './library-icons';

export interface WelcomeSite {
  name: string;
  host: string;
}

export interface WelcomeViewProps {
  t: Translate;
  /** The toolbar button's own picture, as the browser shows it. */
  iconUrl: string;
  /** The sites auto-clean covers (from the site rules). */
  sites: WelcomeSite[];
  /** The browser's shortcuts for the two commands (empty: none set, e.g. taken by another extension). */
  shortcuts: { toggle: string; library: string };
  onOpenLibrary: () => void;
  onOpenOptions: () => void;
}

/** A key chip; a command the browser left without a shortcut says so in plain text, not as a key. */
const Key = ({ keys, unset }: { keys: string; unset: string }) => (keys ? <kbd>{keys}</kbd> : <span class="unset">{unset}</span>);

export function WelcomeView({ t, iconUrl, sites, shortcuts, onOpenLibrary, onOpenOptions }: WelcomeViewProps) {
  const keys: [string, string][] = [
    [shortcuts.toggle, t('commandToggle')],
    [shortcuts.library, t('commandLibrary')],
    ['Esc', t('welcomeKeyExit')],
    ['S', t('welcomeKeySave')],
    ['?', t('welcomeKeyHelp')],
  ];
  return (
    <main class="welcome" aria-labelledby="welcome-title">
      <header class="welcome-head">
        <img src={iconUrl} alt="" width={48} height={48} />
        <div>
          <h1 id="welcome-title">{t('welcomeTitle')}</h1>
          <p class="lead">{t('welcomeLead')}</p>
        </div>
      </header>

      <section aria-labelledby="welcome-button" data-section="button">
        <h2 id="welcome-button">{t('welcomeButtonTitle')}</h2>
        <p class="with-icon">
          {/* The button as the toolbar shows it, so it is recognised there. */}
          <span class="toolbar-button" aria-hidden="true">
            <img src={iconUrl} alt="" width={20} height={20} />
          </span>
          <span>{shortcuts.toggle ? t('welcomeButtonText', shortcuts.toggle) : t('welcomeButtonTextNoKey')}</span>
        </p>
        <p class="hint">{t('welcomePinHint')}</p>
      </section>

      <section aria-labelledby="welcome-auto" data-section="auto-clean">
        <h2 id="welcome-auto">{t('welcomeAutoTitle')}</h2>
        <p>{t('welcomeAutoText')}</p>
        <ul class="sites" data-list="sites">
          {sites.map((s) => (
            <li key={s.host}>
              {s.name} <span class="muted">{s.host}</span>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="welcome-keys" data-section="keys">
        <h2 id="welcome-keys">{t('welcomeKeysTitle')}</h2>
        <table class="keys">
          <tbody>
            {keys.map(([k, label]) => (
              <tr key={label}>
                <th scope="row">
                  <Key keys={k} unset={t('welcomeKeyUnset')} />
                </th>
                <td>{label}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {(!shortcuts.toggle || !shortcuts.library) && <p class="hint">{t('welcomeKeyUnsetHint')}</p>}
      </section>

      <section aria-labelledby="welcome-saved" data-section="saved">
        <h2 id="welcome-saved">{t('welcomeSavedTitle')}</h2>
        <p class="with-icon">
          <span class="chip" aria-hidden="true">
            <IconSave />
          </span>
          <span>{shortcuts.library ? t('welcomeSavedText', shortcuts.library) : t('welcomeSavedTextNoKey')}</span>
        </p>
        <p class="actions">
          <button type="button" class="btn primary" data-action="open-library" onClick={onOpenLibrary}>
            <IconLibrary /> {t('welcomeOpenSaved')}
          </button>
          <button type="button" class="btn" data-action="open-options" onClick={onOpenOptions}>
            <IconSettings /> {t('welcomeSettings')}
          </button>
        </p>
      </section>

      <section aria-labelledby="welcome-pictures" data-section="pictures">
        <h2 id="welcome-pictures">{t('welcomePicturesTitle')}</h2>
        <p>{t('welcomePicturesText')}</p>
      </section>
    </main>
  );
}
