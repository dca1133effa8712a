// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { deeperThan } from '../../utils/sanitize';

const tree = (html: string): Element => {
  const root = document.createElement('div');
  root.innerHTML = html;
  return root;
};
const nested = (levels: number, leaf = 'x'): string => '<div>'.repeat(levels) + leaf + '</div>'.repeat(levels);

describe('deeperThan', () => {
  it('measures the deepest branch, wherever it is', () => {
    const root = tree(`<p>a</p><section><p>b</p></section>${nested(5)}<p>c</p>`);
    expect(deeperThan(root, 4)).toBe(true);
    expect(deeperThan(root, 5)).toBe(false);
  });

  it('finds a deep branch after shallow siblings and a deep one before them', () => {
    expect(deeperThan(tree(`<p>a</p><p>b</p><div><p>c</p></div>${nested(3, '<i>deep</i>')}`), 3)).toBe(true);
    expect(deeperThan(tree(`${nested(3, '<i>deep</i>')}<p>a</p>`), 4)).toBe(false);
  });

  it('never counts what lies beside the root', () => {
    const outer = tree(`<div id="root"><p>a</p></div>${nested(10)}`);
    expect(deeperThan(outer.querySelector('#root'), 1)).toBe(false);
    expect(deeperThan(outer.querySelector('#root'), 0)).toBe(true);
  });

  it('takes a childless root and no root as not deep', () => {
    expect(deeperThan(tree('text only'), 0)).toBe(false);
    expect(deeperThan(null, 0)).toBe(false);
  });

  it('walks a 5 000-level tree without recursion', () => {
    expect(deeperThan(tree(nested(5000)), 4999)).toBe(true);
    expect(deeperThan(tree(nested(5000)), 5000)).toBe(false);
  });
});
