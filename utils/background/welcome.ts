/**
 * The welcome page (issue 13, part 6): a new user learns where the button, the shortcuts and the saved list are.
 * It opens once, when the extension is installed; an update, a browser update or a shared-module event opens
 * nothing (people who already use Jernih are not interrupted). Browser APIs come in as arguments.
 */

export const WELCOME_PAGE = '/welcome.html';

/** The fields of runtime.onInstalled's details this needs. */
export interface InstalledDetails {
  reason: string;
}

export interface WelcomeDeps {
  /** Opens an extension page in a new tab. */
  openTab: (path: string) => Promise<unknown>;
}

/** Opens the welcome page on a first install; returns whether it did. */
export async function welcomeOnInstalled(details: InstalledDetails, deps: WelcomeDeps): Promise<boolean> {
  if (details.reason !== 'install') return false;
  await deps.openTab(WELCOME_PAGE);
  return true;
}
