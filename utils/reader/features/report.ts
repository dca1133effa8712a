/** "Report a problem": the page's extraction explained (the `--why` trace) and copied as JSON for an issue. */
import { explainExtraction } from '../../extract';
import { buildReport } from '../report';
import type { FixState } from './fix-page';
import type { ReaderCore, ReaderFeature } from './types';

export function report(core: ReaderCore, fix: FixState): ReaderFeature {
  const { env } = core;
  const { doc, win } = env;
  let shown: { json: string; copied: boolean } | null = null;

  /** Every stage's decision on this page (the `--why` trace), from a copy of the page as it was. */
  const explainPage = (): string[] => {
    if (!core.swap) return [];
    try {
      const copy = doc.implementation.createHTMLDocument('');
      copy.documentElement.replaceWith(copy.importNode(doc.documentElement, false));
      copy.documentElement.append(copy.importNode(doc.head, true), copy.importNode(core.swap.original, true));
      return explainExtraction(copy, { url: core.url, userRule: fix.shownRule() ?? undefined }).trace;
    } catch (error) {
      return [`trace failed: ${String(error)}`];
    }
  };

  const copyReport = () => {
    const { swap, article } = core;
    if (!swap || !article) return;
    const data = buildReport({
      why: explainPage(),
      article,
      page: swap.original,
      shown: core.body() ?? doc.createElement('div'),
      userRule: fix.shownRule(),
      removedInView: fix.removedInView(),
      version: env.version ?? 'dev',
      userAgent: win.navigator.userAgent,
    });
    const json = JSON.stringify(data, null, 2);
    shown = { json, copied: false };
    core.panel = 'report';
    // Called now, inside the click: the clipboard is granted to a user gesture.
    const copying = (env.copyText ?? copyText)(json);
    core.paint();
    void copying.then((ok) => {
      if (shown?.json === json) shown = { json, copied: ok };
      core.paint();
    });
  };

  const copyText = async (text: string): Promise<boolean> => {
    try {
      await win.navigator.clipboard.writeText(text);
      return true;
    } catch {
      // Not a secure context, or no permission: the old way, from a selected text field.
      const r = core.swap?.root;
      if (!r) return false;
      const area = doc.createElement('textarea');
      area.value = text;
      area.setAttribute('style', 'position:fixed;opacity:0;pointer-events:none');
      r.appendChild(area);
      area.select();
      let ok = false;
      try {
        ok = doc.execCommand('copy');
      } catch {
        ok = false;
      }
      area.remove();
      return ok;
    }
  };

  return {
    events: ['report', 'copy-report'],
    run: copyReport,
    props: () => ({ report: shown }),
    reset() {
      shown = null;
    },
  };
}
