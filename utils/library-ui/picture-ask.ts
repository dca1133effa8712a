/**
 * Issue 13: a saved article keeps its pictures. When some are on hosts Jernih may not reach, the person is asked
 * once, in plain words, where they are ("Keep the 9 pictures? They are on images.example-cdn.com; …"), and the
 * same facts make the note on the saved copy. Both run in extension pages: permissions.request needs one, and a
 * click. What to ask is read from the saved record itself (never from the page's say-so), and the pictures are
 * fetched by the background, through its guard (utils/background/pictures.ts).
 */
import type { Translate } from '@/components/i18n';
import type { KeepPicturesReply } from '../background/library';
import { picturesToKeep, type PictureHost, type PicturesToKeep } from '../background/pictures';

export { picturesToKeep, type PicturesToKeep };

/** "images.example-cdn.com and foto.example.net", in the UI language. */
export function hostList(hosts: readonly PictureHost[], locale: string): string {
  const names = hosts.map((h) => h.host);
  try {
    return new Intl.ListFormat(locale, { type: 'conjunction' }).format(names);
  } catch {
    return names.join(', ');
  }
}

/** The question, in plain words: what, where, and why the permission. */
export function askWords(p: PicturesToKeep, t: Translate, locale: string): { title: string; text: string } {
  const where = hostList(p.hosts, locale);
  return p.count === 1
    ? { title: t('pictureAskTitleOne'), text: t('pictureAskTextOne', where) }
    : { title: t('pictureAskTitle', String(p.count)), text: t('pictureAskText', where) };
}

export interface PermissionEnv {
  /** permissions.request: must be called inside the person's click (no await before it). */
  request: (patterns: string[]) => Promise<boolean>;
  /** permissions.contains for all of them. */
  contains: (patterns: string[]) => Promise<boolean>;
  /** permissions.onAdded: the grant can also come from the browser's own site-access menu. Returns the unsubscribe. */
  onAdded: (listener: () => void) => () => void;
}

/**
 * Asks the browser for the hosts, from the click that calls this. Resolves true once they are granted: when the
 * browser's prompt answers yes, or when the grant arrives another way while the prompt is open (the browser's
 * own site-access menu); false when the prompt is refused or fails.
 */
export function allowHosts(env: PermissionEnv, patterns: string[]): Promise<boolean> {
  const asked = env.request(patterns);
  return new Promise<boolean>((resolve) => {
    let done = false;
    const finish = (granted: boolean) => {
      if (done) return;
      done = true;
      stop();
      resolve(granted);
    };
    const stop = env.onAdded(() => void env.contains(patterns).then((all) => all && finish(true), () => undefined));
    asked.then(finish, () => finish(false));
  });
}

export type AskState =
  | { kind: 'loading' }
  | { kind: 'ask'; title: string; text: string }
  | { kind: 'waiting' }
  | { kind: 'keeping' }
  | { kind: 'done'; text: string }
  | { kind: 'refused'; text: string }
  | { kind: 'nothing' };

export interface AskEnv extends PermissionEnv {
  t: Translate;
  locale: string;
  /** What the saved article still lacks (the background reads it: a frame in a web page has no access to the library's storage). */
  need: () => Promise<PicturesToKeep | null>;
  /** The background's keepPictures for this record. */
  keep: () => Promise<KeepPicturesReply>;
  /** "Not now": remember the answer, so later saves do not ask again (the saved copy keeps the way to fix it). */
  decline: () => Promise<void>;
  paint: (state: AskState) => void;
}

/** The question's flow: shown, then Allow (prompt, then the pictures fetched into the record) or Not now. */
export function startPictureAsk(env: AskEnv): { ready: Promise<void>; allow(): Promise<void>; later(): Promise<void> } {
  const { t } = env;
  let need: PicturesToKeep | null = null;
  const ready = (async () => {
    env.paint({ kind: 'loading' });
    need = await env.need().catch(() => null);
    env.paint(need ? { kind: 'ask', ...askWords(need, t, env.locale) } : { kind: 'nothing' });
  })();
  return {
    ready,
    async allow() {
      if (!need) return;
      // No await before the request: it must run inside the click.
      const granted = allowHosts(env, need.hosts.map((h) => h.pattern));
      env.paint({ kind: 'waiting' });
      if (!(await granted)) return env.paint({ kind: 'refused', text: t('pictureAskRefused') });
      env.paint({ kind: 'keeping' });
      const reply = await env.keep().catch((e: unknown): KeepPicturesReply => ({ ok: false, message: String(e) }));
      env.paint(reply.ok ? { kind: 'done', text: t('pictureAskKept', String(reply.stored)) } : { kind: 'refused', text: reply.message });
    },
    async later() {
      await env.decline().catch(() => undefined);
      env.paint({ kind: 'refused', text: t('pictureAskLaterDone') });
    },
  };
}
