/** A recipe's ingredients, found by what the page declares (utils/extract/recipe.ts). */
import { describe, expect, it } from 'vitest';
import { ingredientsLeftOut } from '@/utils/extract/recipe';

const INGREDIENTS = ['250 g Weizenmehl', '1 Pck. Trockenhefe', '125 ml Milch', '40 g Butter', '1 Ei'];
const ld = (list: string[]) => `<script type="application/ld+json">${JSON.stringify({ '@context': 'https://schema.org', '@type': 'Recipe', name: 'Zopf', recipeIngredient: list })}</script>`;
const table = `<div class="ingredients"><h2>Zutaten</h2><table>${INGREDIENTS.map((i) => {
  const [amount, ...name] = i.split(' ');
  return `<tr><td>${amount}</td><td><a href="/z">${name.join(' ')}</a></td></tr>`;
}).join('')}</table></div>`;
const METHOD = '<p>Die Milch mit der Butter lauwarm werden lassen, mit Mehl, Hefe und Ei zu einem Teig kneten und gehen lassen.</p>';

function pageWith(head: string, body: string): Document {
  const doc = document.implementation.createHTMLDocument('');
  doc.head.innerHTML = head;
  doc.body.innerHTML = body;
  return doc;
}
function contentOf(html: string): Element {
  const div = document.createElement('div');
  div.innerHTML = html;
  return div;
}

describe('ingredientsLeftOut', () => {
  it('finds the box that lists the declared ingredients, with its heading', () => {
    const box = ingredientsLeftOut(pageWith(ld(INGREDIENTS), `<main>${table}<div class="method">${METHOD}</div></main>`), contentOf(METHOD));
    expect(box?.className).toBe('ingredients');
  });

  it('asks nothing where the page declares no recipe, or the result holds the ingredients already', () => {
    expect(ingredientsLeftOut(pageWith('', `<main>${table}${METHOD}</main>`), contentOf(METHOD))).toBeNull();
    expect(ingredientsLeftOut(pageWith(ld(INGREDIENTS), `<main>${table}${METHOD}</main>`), contentOf(table + METHOD))).toBeNull();
  });

  it('takes no list from a footer, and no box that holds far more than the list', () => {
    expect(ingredientsLeftOut(pageWith(ld(INGREDIENTS), `<main>${METHOD}</main><footer>${table}</footer>`), contentOf(METHOD))).toBeNull();
    const long = `<p>${'Ein langer Absatz über alles Mögliche, der mit der Zutatenliste nichts zu tun hat. '.repeat(30)}</p>`;
    const scattered = `<main><ul>${INGREDIENTS.slice(0, 2).map((i) => `<li>${i}</li>`).join('')}</ul>${long}<ul>${INGREDIENTS.slice(2).map((i) => `<li>${i}</li>`).join('')}</ul></main>`;
    expect(ingredientsLeftOut(pageWith(ld(INGREDIENTS), scattered), contentOf(METHOD))).toBeNull();
  });
});
