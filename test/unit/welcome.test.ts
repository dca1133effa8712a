/** The welcome page opens on a first install only (issue 13, part 6). */
import { describe, expect, it, vi } from 'vitest';
import { WELCOME_PAGE, welcomeOnInstalled } from '@/utils/background/welcome';

describe('welcome page', () => {
  it('opens once on install, never on an update or a browser update', async () => {
    const openTab = vi.fn(async () => undefined);
    expect(await welcomeOnInstalled({ reason: 'install' }, { openTab })).toBe(true);
    expect(openTab).toHaveBeenCalledWith(WELCOME_PAGE);
    for (const reason of ['update', 'chrome_update', 'browser_update', 'shared_module_update']) {
      expect(await welcomeOnInstalled({ reason }, { openTab })).toBe(false);
    }
    expect(openTab).toHaveBeenCalledTimes(1);
  });
});
