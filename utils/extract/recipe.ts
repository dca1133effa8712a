/**
 * A recipe's ingredients. Recipe pages set the ingredients apart from the method (a table or a list beside it,
 * often with controls to scale the portions), and Readability, which looks for the longest run of prose, takes
 * the method alone: a recipe without its ingredients. The page states them in its structured data (JSON-LD
 * Recipe), which says which box of the page lists them; that box is given back, above the method.
 */
import { allElements, normalizeSpace } from './dom';
import { recipeIngredients } from './metadata';

/** Fewer ingredients than this is no list worth finding. */
const LEAST_INGREDIENTS = 3;
/** The result holding this share of the ingredients has them already. */
const HELD_ALREADY = 0.5;
/** The box must list at least this share of the ingredients. */
const LISTED = 0.6;
/** A box around the list is taken while it adds at most this many characters (the heading, the portions). */
const AROUND_CHARS = 80;
/** A box longer than this many characters a listed ingredient is more than the list. */
const CHARS_PER_INGREDIENT = 120;
const NOT_IN = /^(NAV|ASIDE|FOOTER|HEADER|FORM|SCRIPT|TEMPLATE)$/;
/** Where an ingredient line sits: a list item, a table row, or a box the site names for it. */
const ROW_TAGS = new Set(['LI', 'TR']);
const ROW_NAME = /ingredien|ingrediënt|zutat|składnik/i;

/** Letters and digits only, lower-cased: "125 g Mehl" and a row's "125 g" | "Mehl" compare alike. */
const key = (text: string | null | undefined): string => (text ?? '').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/**
 * The page's box listing the recipe's ingredients, when `content` lacks them; null when the page declares no
 * recipe, the result holds most of its ingredients already, or no box of the page lists them alone.
 */
export function ingredientsLeftOut(page: Document, content: Element): Element | null {
  const ingredients = [...new Set(recipeIngredients(page).map(key).filter((k) => k.length >= 2))];
  if (ingredients.length < LEAST_INGREDIENTS || !page.body) return null;
  const held = key(content.textContent);
  if (ingredients.filter((k) => held.includes(k)).length >= ingredients.length * HELD_ALREADY) return null;

  const rows = allElements(page.body)
    .filter((el) => ROW_TAGS.has(el.tagName.toUpperCase()) || ROW_NAME.test(`${el.getAttribute('class') ?? ''} ${el.getAttribute('itemprop') ?? ''}`))
    .map((el) => ({ el, key: key(el.textContent) }))
    .filter((r) => r.key && r.key.length <= CHARS_PER_INGREDIENT * 2);
  // Each ingredient in the shortest row that names it.
  const matched: Element[] = [];
  for (const k of ingredients) {
    let best: { el: Element; key: string } | null = null;
    for (const r of rows) if (r.key.includes(k) && (!best || r.key.length < best.key.length)) best = r;
    if (best) matched.push(best.el);
  }
  if (matched.length < ingredients.length * LISTED) return null;

  let box = commonAncestor(matched);
  if (!box || box === page.body) return null;
  let chars = normalizeSpace(box.textContent).length;
  for (let up = box.parentElement; up && up !== page.body; up = up.parentElement) {
    const upChars = normalizeSpace(up.textContent).length;
    if (upChars - chars > AROUND_CHARS) break;
    box = up;
    chars = upChars;
  }
  if (chars > ingredients.length * CHARS_PER_INGREDIENT + 400) return null;
  for (let at: Element | null = box; at; at = at.parentElement) if (NOT_IN.test(at.tagName.toUpperCase())) return null;
  return box;
}

/** The innermost element holding all of `els`. */
function commonAncestor(els: readonly Element[]): Element | null {
  let box: Element | null = els[0] ?? null;
  while (box && !els.every((el) => box!.contains(el))) box = box.parentElement;
  return box;
}
