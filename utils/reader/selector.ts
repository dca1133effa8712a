/**
 * CSS selectors for blocks the user points at, to remember as a site rule (utils/settings.ts UserRule).
 *
 * A rule is applied to the next articles of the site, so a selector should say what the block IS (its id,
 * its classes: ".read__content", "div.baca-juga") rather than where it happened to sit in this article
 * ("div:nth-of-type(3)"). Generated names (css-1x9a2b, numbers, hashes) change with every build of a site and
 * are left out. Only when nothing else singles the block out does the selector fall back to its position.
 */

export interface BlockSelector {
  selector: string;
  /** True when it names the block by id or classes (it will find the same kind of block on other pages). */
  general: boolean;
}

const STATE_CLASSES = /^(active|hover|focus|selected|open|opened|closed|show|shown|hidden|visible|is-|has-|js-|ng-|jernih)/i;
/** Names a build tool generated: hashes, long numbers, CSS-in-JS prefixes, BEM hash suffixes. */
const GENERATED = /^(css|sc|jsx|styled|emotion|tw|svelte)-|[0-9a-f]{6,}|\d{3,}|(__|--)(?=[a-z0-9]*\d)[a-z0-9]{5,}$|^[a-z]{1,3}\d/i;

export const stableClass = (c: string): boolean => c.length > 1 && c.length <= 40 && !STATE_CLASSES.test(c) && !GENERATED.test(c);
export const stableId = (id: string | null): id is string => !!id && id.length <= 60 && !/^\d/.test(id) && !GENERATED.test(id) && !/\s/.test(id);

/** CSS.escape for identifiers (not every environment has CSS.escape). */
export function cssIdent(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    const code = s.charCodeAt(i);
    const digit = code >= 48 && code <= 57;
    if (code === 0) out += '\uFFFD';
    else if (code <= 0x1f || code === 0x7f || (i === 0 && digit) || (i === 1 && digit && s[0] === '-')) out += `\\${code.toString(16)} `;
    else if (i === 0 && ch === '-' && s.length === 1) out += '\\-';
    else if (code >= 0x80 || /[\w-]/.test(ch)) out += ch;
    else out += `\\${ch}`;
  }
  return out;
}

function base(el: Element): { text: string; named: boolean } {
  const id = el.getAttribute('id');
  if (stableId(id)) return { text: `#${cssIdent(id)}`, named: true };
  const tag = el.tagName.toLowerCase();
  const classes = Array.from(el.classList).filter(stableClass).slice(0, 3);
  return { text: tag + classes.map((c) => `.${cssIdent(c)}`).join(''), named: classes.length > 0 };
}

function nthOfType(el: Element): number {
  let n = 1;
  for (let s = el.previousElementSibling; s; s = s.previousElementSibling) if (s.tagName === el.tagName) n++;
  return n;
}

/** The top of el's tree: the document, or the root of a detached subtree (the original body while the reader is open). */
function scopeOf(el: Element): ParentNode & { querySelectorAll(s: string): NodeListOf<Element> } {
  let top: Element = el;
  while (top.parentElement) top = top.parentElement;
  return top.parentNode && top.parentNode.nodeType === 9 ? (top.parentNode as Document) : top;
}

function all(scope: ParentNode, selector: string): Element[] {
  try {
    const found = Array.from(scope.querySelectorAll(selector));
    if (scope.nodeType === 1 && (scope as Element).matches(selector)) found.unshift(scope as Element);
    return found;
  } catch {
    return [];
  }
}

const signature = (el: Element): string => `${el.tagName}|${Array.from(el.classList).filter(stableClass).sort().join('.')}|${el.getAttribute('id') ?? ''}`;

export type SelectorPurpose =
  /** The article body: the selector's first match must be this block. */
  | 'body'
  /** A block to remove: it may match other blocks too, as long as they are the same kind (same tag and classes). */
  | 'remove';

/**
 * A selector for `el` within its document (or detached tree). Null only for elements the selector cannot
 * reach (html, body, head).
 */
export function selectorFor(el: Element, purpose: SelectorPurpose): BlockSelector | null {
  if (/^(HTML|BODY|HEAD)$/.test(el.tagName)) return null;
  const scope = scopeOf(el);
  const own = base(el);
  const accept = (found: Element[]): boolean => {
    if (!found.includes(el)) return false;
    if (purpose === 'body') return found[0] === el;
    // A block without a name of its own ("p") is removed alone: matching its kind would take every paragraph.
    if (!own.named) return found.length === 1;
    // Every match the same kind of block as this one, none inside another (a removal must not take the article).
    const sig = signature(el);
    return found.length <= 30 && found.every((f) => f === el || (signature(f) === sig && !f.contains(el) && !el.contains(f)));
  };

  // 1. By name: the block's own id or classes, then with up to three named ancestors in front.
  const chain: string[] = [];
  if (own.named && accept(all(scope, own.text))) return { selector: own.text, general: true };
  let cur: Element | null = el.parentElement;
  for (let depth = 0; cur && depth < 3 && !/^(HTML|BODY)$/.test(cur.tagName); depth++, cur = cur.parentElement) {
    const b = base(cur);
    if (!b.named) continue;
    chain.unshift(b.text);
    const sel = `${chain.join(' ')} ${own.text}`;
    if (accept(all(scope, sel))) return { selector: sel, general: true };
  }

  // 2. By position, from the nearest ancestor with an id (or from body).
  const parts: string[] = [];
  for (let node: Element | null = el; node && !/^(HTML|BODY)$/.test(node.tagName); node = node.parentElement) {
    const b = base(node);
    if (node !== el && b.text.startsWith('#')) {
      parts.unshift(b.text);
      break;
    }
    parts.unshift(`${b.text}:nth-of-type(${nthOfType(node)})`);
    if (!node.parentElement || node.parentElement.tagName === 'BODY') parts.unshift('body');
  }
  const selector = parts.join(' > ');
  const found = all(scope, selector);
  if (!found.includes(el)) return null;
  return { selector, general: false };
}
