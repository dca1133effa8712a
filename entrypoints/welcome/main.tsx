/**
 * The welcome page (welcome.html), opened once on install by the background (utils/background/welcome.ts).
 * Glue only: the sites from the site rules, the shortcuts as the browser has them, and the two ways on.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { WelcomeView } from '@/components/WelcomeView';
import { SITE_RULES } from '@/utils/extract/sites';
import { t, uiLocale } from '@/utils/i18n';

const page = (path: string) => browser.runtime.getURL(path as never);
document.documentElement.lang = uiLocale();
document.title = t('welcomeTitle');

const sites = SITE_RULES.map((r) => ({ name: r.name, host: r.hosts[0] })).sort((a, b) => a.name.localeCompare(b.name));

function paint(shortcuts: { toggle: string; library: string }) {
  render(
    <WelcomeView
      t={t}
      iconUrl={page('/icons/48.png')}
      sites={sites}
      shortcuts={shortcuts}
      onOpenLibrary={() => void browser.tabs.create({ url: `${page('/library.html')}?view=tab` })}
      onOpenOptions={() => void browser.runtime.openOptionsPage()}
    />,
    document.getElementById('app')!,
  );
}

// The shortcuts the browser really gave (a taken one stays unset), read before the first paint. Firefox for Android
// has no commands API (and no keyboard shortcuts): none are shown there.
const commandsApi = browser.commands as typeof browser.commands | undefined;
void (commandsApi?.getAll() ?? Promise.resolve([]))
  .catch(() => [])
  .then((commands) => {
    const keys = (name: string) => commands.find((c) => c.name === name)?.shortcut ?? '';
    paint({ toggle: keys('toggle-reader'), library: keys('open-library') });
  });
