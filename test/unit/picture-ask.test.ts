/**
 * Issue 13: the pictures question's flow (utils/library-ui/picture-ask.ts): plain words, the browser asked inside
 * the click, the grant taken from the prompt or from the browser's own menu, then the pictures kept; Not now
 * remembered. And the saved copy's note with its one action (utils/library-ui/saved.ts).
 */
import { describe, expect, it } from 'vitest';
import { allowHosts, askWords, startPictureAsk, type AskState, type PermissionEnv } from '@/utils/library-ui/picture-ask';

const t = (key: string, subs?: string | string[]) => (subs ? `${key}:${[subs].flat().join('|')}` : key);
const host = (h: string, count: number) => ({ host: h, pattern: `*://${h}/*`, count });

function permissions(answer: Promise<boolean>) {
  const granted = new Set<string>();
  const listeners = new Set<() => void>();
  const calls: string[][] = [];
  const env: PermissionEnv = {
    request: (p) => (calls.push(p), answer),
    contains: async (p) => p.every((x) => granted.has(x)),
    onAdded: (l) => (listeners.add(l), () => listeners.delete(l)),
  };
  const grantElsewhere = (p: string) => {
    granted.add(p);
    listeners.forEach((l) => l());
  };
  return { env, calls, listeners, grantElsewhere };
}

describe('the pictures question', () => {
  it('says how many, where and why, in the UI language\'s list form', () => {
    expect(askWords({ count: 9, hosts: [host('images.example-cdn.com', 9)] }, t, 'en')).toEqual({ title: 'pictureAskTitle:9', text: 'pictureAskText:images.example-cdn.com' });
    expect(askWords({ count: 3, hosts: [host('a.example.com', 2), host('b.example.net', 1)] }, t, 'id').text).toBe('pictureAskText:a.example.com dan b.example.net');
    expect(askWords({ count: 1, hosts: [host('a.example.com', 1)] }, t, 'en').title).toBe('pictureAskTitleOne');
  });

  it('the grant counts when the prompt says yes, or when it arrives another way while the prompt is open', async () => {
    const yes = permissions(Promise.resolve(true));
    expect(await allowHosts(yes.env, ['*://a.example.com/*'])).toBe(true);
    expect(yes.calls).toEqual([['*://a.example.com/*']]);
    expect(yes.listeners.size).toBe(0);

    const open = permissions(new Promise<boolean>(() => undefined));
    const granted = allowHosts(open.env, ['*://a.example.com/*', '*://b.example.net/*']);
    open.grantElsewhere('*://a.example.com/*');
    open.grantElsewhere('*://b.example.net/*');
    expect(await granted).toBe(true);
    expect(open.listeners.size).toBe(0);

    expect(await allowHosts(permissions(Promise.resolve(false)).env, ['*://a.example.com/*'])).toBe(false);
    expect(await allowHosts(permissions(Promise.reject(new Error('no gesture'))).env, ['*://a.example.com/*'])).toBe(false);
  });

  it('Allow: asks at once (inside the click), then keeps the pictures; Not now is remembered', async () => {
    const states: AskState[] = [];
    const p = permissions(Promise.resolve(true));
    let declined = false;
    const need = { count: 2, hosts: [host('images.example-cdn.com', 2)] };
    const ask = startPictureAsk({
      ...p.env,
      t,
      locale: 'en',
      need: async () => need,
      keep: async () => ({ ok: true, stored: 3, missing: 0, hosts: [] }),
      decline: async () => void (declined = true),
      paint: (s) => states.push(s),
    });
    await ask.ready;
    expect(states.at(-1)).toEqual({ kind: 'ask', title: 'pictureAskTitle:2', text: 'pictureAskText:images.example-cdn.com' });
    const allowing = ask.allow();
    // The browser was asked before anything was awaited.
    expect(p.calls).toEqual([['*://images.example-cdn.com/*']]);
    await allowing;
    expect(states.slice(-3).map((s) => s.kind)).toEqual(['waiting', 'keeping', 'done']);
    expect(states.at(-1)).toEqual({ kind: 'done', text: 'pictureAskKept:3' });
    await ask.later();
    expect(declined).toBe(true);
    expect(states.at(-1)).toEqual({ kind: 'refused', text: 'pictureAskLaterDone' });
  });

  it('nothing left to keep (or no such article): says so instead of asking', async () => {
    const states: AskState[] = [];
    const ask = startPictureAsk({ ...permissions(Promise.resolve(true)).env, t, locale: 'en', need: async () => null, keep: async () => ({ ok: false, message: 'x' }), decline: async () => undefined, paint: (s) => states.push(s) });
    await ask.ready;
    expect(states.at(-1)).toEqual({ kind: 'nothing' });
  });
});
