/** Meta-tests that keep the catalogue of site rules honest (DESIGN.md: rule file, registry line, fixtures). */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SITE_RULES, findRule } from '@/utils/extract/sites';
import { listFixtures } from '../helpers/fixtures';

const SITES_DIR = resolve(import.meta.dirname, '..', '..', 'utils', 'extract', 'sites');
/** The files beside the rules: the registry, the types, the addresses and the rules' kit. */
const NOT_RULES = ['index.ts', 'types.ts', 'addresses.ts', 'kit.ts'];

describe('site rules', () => {
  it('every rule file is registered, once, with a unique id', () => {
    const files = readdirSync(SITES_DIR).filter((f) => f.endsWith('.ts') && !NOT_RULES.includes(f));
    const ids = SITE_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(files.map((f) => f.replace(/\.ts$/, '')).sort()).toEqual([...ids].sort());
  });

  it('no rule imports another rule: what rules share is in the kit', () => {
    for (const f of readdirSync(SITES_DIR).filter((x) => x.endsWith('.ts') && !NOT_RULES.includes(x))) {
      const local = [...readFileSync(join(SITES_DIR, f), 'utf8').matchAll(/from '\.\/([\w-]+)'/g)].map((m) => m[1]);
      expect(local.filter((m) => m !== 'types' && m !== 'kit'), f).toEqual([]);
    }
  });

  it('every rule has fixtures that use it', () => {
    const fixtures = listFixtures();
    for (const rule of SITE_RULES) {
      const own = fixtures.filter((f) => f.expected.ruleId === rule.id);
      expect(own.length, `fixtures with ruleId "${rule.id}"`).toBeGreaterThanOrEqual(3);
      expect(existsSync(join(resolve(import.meta.dirname, '..', 'fixtures'), rule.id)), `test/fixtures/${rule.id}/`).toBe(true);
    }
  });

  it('every selector of every rule is valid CSS', () => {
    const doc = document.implementation.createHTMLDocument('x');
    for (const rule of SITE_RULES) {
      const m = rule.metadata ?? {};
      for (const sel of [...rule.body, ...(rule.remove ?? []), ...(rule.removeParagraphsWith ?? []), ...(rule.endBefore ?? []),
        ...(m.title ?? []), ...(m.byline ?? []), ...(m.date ?? []), ...(m.leadImage ?? [])]) {
        expect(() => doc.querySelector(sel), `${rule.id}: ${sel}`).not.toThrow();
      }
    }
  });

  it('matches article URLs of its hosts only', () => {
    expect(findRule('https://nasional.kompas.com/read/2024/02/10/10150071/judul')?.id).toBe('kompas');
    expect(findRule('https://www.kompas.com/global/read/2023/09/14/145400670/judul?page=all')?.id).toBe('kompas');
    expect(findRule('https://www.kompas.com/')).toBeNull();
    expect(findRule('https://www.kompas.com/tag/politik')).toBeNull();
    expect(findRule('https://notkompas.com/read/2024/02/10/1/x')).toBeNull();
    expect(findRule('not a url')).toBeNull();
  });
});
