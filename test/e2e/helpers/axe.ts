/**
 * axe-core (the pinned npm package) in a browser page, for the browser tests: one runner, one way of naming what
 * it finds. Evaluated over the DevTools protocol, so extension pages' CSP (no inline scripts) does not stop it.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown; failureSummary?: string }[];
}

/** Every axe violation on the reader (its shadow host and what is in its root) or on the whole page. */
export async function axeViolations(page: Page, scope: 'reader' | 'page' = 'page'): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const result = await page.evaluate(async (s) => {
    const context = s === 'reader' ? { include: [['#jernih-reader']] } : document;
    const r = await (window as any).axe.run(context, { resultTypes: ['violations'] });
    (window as any).__axeChecked = r.passes.reduce((n: number, p: any) => n + p.nodes.length, 0) + r.incomplete.length;
    return r.violations.map((v: any) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n: any) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  }, scope);
  return result as Violation[];
}

/** Violations as lines a failing assertion can show: impact, rule, help, the first three places. */
export const describeViolations = (vs: Violation[], withSummary = false): string[] =>
  vs.map((v) => `${v.impact} ${v.id}: ${v.help} @ ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}${withSummary ? ` ${v.nodes[0]?.failureSummary ?? ''}` : ''}`);

/** Only the serious and critical ones. */
export const seriousOnly = (vs: Violation[]): Violation[] => vs.filter((v) => v.impact === 'serious' || v.impact === 'critical');
