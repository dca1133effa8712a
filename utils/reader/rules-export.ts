/** The user's site rules as a JSON file to keep, share or attach to an issue. */
import type { UserRule } from '../settings';

export const RULES_FORMAT = 'jernih-site-rules';

export function exportUserRules(rules: readonly UserRule[], now = new Date()): string {
  return `${JSON.stringify(
    {
      format: RULES_FORMAT,
      version: 1,
      exported: now.toISOString(),
      rules: rules.map((r) => ({ host: r.host, ...(r.body ? { body: r.body } : {}), remove: r.remove, updated: r.updated })),
    },
    null,
    2,
  )}\n`;
}
