/**
 * Fixing the extraction: pick the article's block on the page, remove blocks, undo, remember the fix as the
 * site's rule or forget it; and the no-article notice, whose "Pick the text" starts the picker on the page.
 */
import type { Article } from '../../extract';
import { ruleHostOf, userRuleFor, withUserRule, withoutUserRule } from '../../settings';
import type { FixView } from '@/components/ReaderView';
import { findOpenReader } from '../swap';
import { selectorFor } from '../selector';
import { findOriginal } from '../locate';
import { startPicker, type Picker } from '../picker';
import { showNoArticleNotice, type NoArticleNotice } from '../no-article';
import { showNotice } from './notice';
import type { ReaderCore, ReaderFeature, UserRuleInput } from './types';
import css from '@/components/reader.css?inline';

interface Removal {
  el: Element;
  /** Selector of the block in the original page, when it could be found there. */
  selector: string | null;
}

/** What the report needs to know of the fix shown. */
export interface FixState {
  /** The rule that shaped this view: the picked block or the stored rule's (null: the engine's own choice). */
  shownRule(): UserRuleInput | null;
  /** Blocks removed in this view and not (yet) remembered. */
  removedInView(): number;
}

export function fixPage(core: ReaderCore): ReaderFeature & FixState {
  const { env } = core;
  const { doc, win, t } = env;
  // The stored rule this view started with is core.baseRule; what was picked and removed here:
  let fixMode: FixView['mode'] = 'none';
  let picked: string | null = null;
  let beforePick: Article | null = null;
  let removals: Removal[] = [];
  let remembered = false;
  let picker: Picker | null = null;
  /** The reader was closed (button, shortcut) while the picker was up: the page stays. */
  let abandoned = false;
  /** "No article here", with its next steps, until the person closes it or takes one. */
  let noArticle: NoArticleNotice | null = null;

  const fixView = (): FixView => ({
    mode: fixMode,
    removed: removals.length,
    canUndo: removals.length > 0,
    host: ruleHostOf(core.url),
    remembered,
  });

  const removeBlock = (el: Element) => {
    if (!core.swap || el.hasAttribute('hidden')) return;
    const original = findOriginal(el, core.swap.original);
    const sel = original ? selectorFor(original, 'remove') : null;
    el.setAttribute('hidden', '');
    el.removeAttribute('data-jernih-target');
    removals.push({ el, selector: sel?.selector ?? null });
    remembered = false;
    core.say(t('blockRemoved'));
  };

  const remember = async () => {
    const host = ruleHostOf(core.url);
    if (!host) return;
    const base = core.baseRule;
    const remove = [...(base?.remove ?? []), ...removals.map((r) => r.selector).filter((s): s is string => !!s)];
    const body = picked ?? base?.body;
    const next = await env.saveSettings((s) => withUserRule(s, { host, body, remove })).catch(() => null);
    if (!next) return;
    core.settings = next;
    core.baseRule = userRuleFor(next, core.url);
    remembered = true;
    core.say(t('rememberedMessage', host));
  };

  const forgetRule = async () => {
    const host = core.baseRule?.host;
    if (!host) return;
    core.panel = null;
    core.baseRule = null;
    await env.saveSettings((s) => withoutUserRule(s, host)).catch(() => undefined);
    core.say(t('ruleForgotten', host));
  };

  /** The article with the picked block as its body (null, with a notice, when that block is not one). */
  const extractPicked = (selector: string | null): Article | null => {
    let next: Article | null = null;
    try {
      next = selector ? core.extract(doc, core.url, { body: selector, remove: core.baseRule?.remove }) : null;
    } catch {
      next = null;
    }
    if (!next) showNotice(doc, t('pickTooShort'));
    return next;
  };

  /** Hands the page to the picker; resolves with the block picked (null: none, or the picker was cancelled). */
  const runPicker = async (initial: Element | null): Promise<Element | null> => {
    abandoned = false;
    picker = startPicker({ doc, win, t, initial, css, acceptSynthetic: env.acceptSyntheticEvents });
    const el = await picker.result;
    picker = null;
    return el;
  };

  /** Leaves the remove mode: back to the picked block's bar while that pick is not remembered. */
  const doneRemoving = () => {
    fixMode = picked && !remembered ? 'picked' : 'none';
    core.paint();
  };

  /** Back to the page to pick the article's block; the reader comes back with it (or as it was). */
  const pick = async () => {
    const { swap, article } = core;
    if (!swap || !article || picker) return;
    const firstParagraph = core.body()?.querySelector('p');
    const guess = firstParagraph ? findOriginal(firstParagraph, swap.original)?.parentElement ?? null : null;
    core.unmount();
    const el = await runPicker(guess);
    if (abandoned) {
      core.article = null;
      core.reset();
      return;
    }
    const selector = el ? selectorFor(el, 'body')?.selector ?? null : null;
    const next = el ? extractPicked(selector) : null;
    if (next && selector) {
      beforePick = beforePick ?? article;
      core.article = next;
      picked = selector;
      removals = [];
      fixMode = 'picked';
      remembered = false;
    }
    core.mount();
  };

  /**
   * "Pick the text" from the no-article notice: the same picker, started on the page itself (there is no reader
   * to come back to). The picked block opens in the reader, as a pick made inside it would; Remember keeps it.
   */
  const pickOnPage = async () => {
    if (core.swap || picker) return;
    core.reset();
    core.url = win.location.href;
    core.baseRule = userRuleFor(core.settings, core.url);
    core.rememberFocus();
    const el = await runPicker(null);
    if (abandoned || !el) return;
    const selector = selectorFor(el, 'body')?.selector ?? null;
    const next = extractPicked(selector);
    if (!next || !selector || core.swap || findOpenReader(doc)) return;
    picked = selector;
    fixMode = 'picked';
    core.show(next);
  };

  const showNoArticle = () => {
    noArticle?.close();
    const shown: NoArticleNotice = showNoArticleNotice({
      doc,
      win,
      t,
      css,
      acceptSynthetic: env.acceptSyntheticEvents,
      onPick: () => void pickOnPage(),
      onLibrary: env.openLibrary,
      onClose: () => {
        if (noArticle === shown) noArticle = null;
      },
    });
    noArticle = shown;
  };

  return {
    events: ['remove-mode', 'remove-done', 'undo', 'pick', 'unpick', 'remember', 'forget-rule'],
    async run(event) {
      switch (event) {
        case 'remove-mode':
          core.panel = null;
          fixMode = fixMode === 'removing' ? (picked ? 'picked' : 'none') : 'removing';
          core.paint();
          return;
        case 'remove-done':
          return doneRemoving();
        case 'undo': {
          const last = removals.pop();
          if (!last) return;
          last.el.removeAttribute('hidden');
          remembered = false;
          core.say(t('blockRestored'));
          return;
        }
        case 'pick':
          return pick();
        case 'unpick':
          if (beforePick) core.article = beforePick;
          picked = null;
          beforePick = null;
          removals = [];
          fixMode = 'none';
          remembered = false;
          core.paint();
          return;
        case 'remember':
          return remember();
        case 'forget-rule':
          return forgetRule();
      }
    },
    props: () => ({ fix: fixView(), ruleHost: core.baseRule?.host ?? null, onRemoveBlock: removeBlock }),
    available: (action) => (action === 'pick' || action === 'remove-mode' ? env.fixable !== false : undefined),
    escape() {
      if (fixMode !== 'removing') return false;
      doneRemoving();
      return true;
    },
    extracted(found, options) {
      if (found) noArticle?.close();
      else if (!options.auto) showNoArticle();
    },
    reset() {
      fixMode = 'none';
      picked = null;
      beforePick = null;
      removals = [];
      remembered = false;
    },
    holdsPage: () => picker !== null,
    cancel() {
      if (!picker) return false;
      abandoned = true;
      picker.cancel();
      return true;
    },
    dismiss() {
      if (!noArticle) return false;
      noArticle.close();
      return true;
    },
    shownRule: () => (picked || core.baseRule ? { body: picked ?? core.baseRule?.body, remove: core.baseRule?.remove } : null),
    removedInView: () => removals.length,
  };
}
