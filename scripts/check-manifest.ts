/**
 * Our own check of a store package (`npm run check-manifest -- <build dir>...`; `npm run zip` runs it on both
 * release builds before zipping, and test/e2e/lint.test.ts on the builds in .output/):
 * - every permission the manifest asks for is used by the bundled code, with the reason a reviewer reads;
 * - every `__MSG_x__` key of the manifest and of the bundled pages, and every message key the code asks for,
 *   exists in every locale; every locale has exactly the keys of the default one, none empty;
 * - the name and description fit the Chrome Web Store's limits in every locale;
 * - every file the manifest names is in the package.
 * The checks are pure functions of the package's contents (unit-tested in test/unit/check-manifest.test.ts);
 * reading a build folder is scripts/lib/package-contents.ts.
 */
import { pathToFileURL } from 'node:url';
import { readPackage, sourceMessageKeys, type Messages, type PackageContents } from './lib/package-contents';

export type { Messages, PackageContents };

export interface Finding {
  ok: boolean;
  subject: string;
  detail: string;
}

interface Evidence {
  label: string;
  /** Global regex over the bundled code; group 1, when there is one, names what was found (e.g. the method). */
  pattern: RegExp;
}

interface PermissionRule {
  /** Why Jernih asks for it: what a store reviewer (and the listing's justification) reads. */
  why: string;
  /** All must be found in the bundled code. */
  evidence: Evidence[];
}

/**
 * A use of the browser API namespace: `x.contextMenus.create(`, `x.contextMenus?.onClicked`, or the namespace read
 * into a variable (`const menus = browser.contextMenus`: the API is absent on Firefox for Android). The polyfill's
 * table names namespaces as object keys (`contextMenus:{`), never after a dot, so it does not count.
 */
function apiPattern(namespace: string): RegExp {
  return new RegExp(`\\.(${namespace}(?:\\??\\.\\w+)?)\\b`, 'g');
}

/** The permissions we know how to justify. A new one fails the check until it has a rule here. */
export const PERMISSION_RULES: Record<string, PermissionRule> = {
  activeTab: {
    why: 'the reader goes into the page the person is on only when they ask (toolbar button, shortcut, menu); no standing access to any site',
    evidence: [
      { label: 'a user gesture', pattern: /\.(onClicked|onCommand)\??\.addListener\(/g },
      { label: 'injection into that tab', pattern: /\.scripting\??\.(executeScript)\(/g },
    ],
  },
  scripting: {
    why: 'injects the reader on request and into the supported sites\' articles (auto-clean), and registers auto-clean for the sites the person adds',
    evidence: [{ label: 'scripting API', pattern: apiPattern('scripting') }],
  },
  storage: {
    why: 'settings, site switches and the person\'s own site rules, in storage.local',
    evidence: [{ label: 'storage API', pattern: /\.storage\??\.(local|sync|session|onChanged)\b/g }],
  },
  contextMenus: {
    why: '"Read in Jernih" and "Save to Jernih" on pages, "Saved articles" and "Save this page" on the icon',
    evidence: [{ label: 'contextMenus API', pattern: apiPattern('contextMenus') }],
  },
  unlimitedStorage: {
    why: 'saved articles and their pictures live in the extension\'s IndexedDB; a library of thousands must neither hit the quota nor be evicted',
    evidence: [{ label: 'IndexedDB', pattern: /\b(indexedDB)\.open\(/g }],
  },
};

/** Chrome Web Store limits (developer.chrome.com, manifest keys "name" and "description"). */
export const STORE_LIMITS = { name: 75, description: 132 } as const;

const isHostPattern = (permission: string): boolean => permission.includes('://') || permission === '<all_urls>';
const asStrings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
const codeFiles = (files: Record<string, string>): [string, string][] => Object.entries(files).filter(([path]) => /\.(js|html|css)$/.test(path));
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
const fileList = (files: readonly string[]): string => (files.length > 2 ? `${files.slice(0, 2).join(', ')} and ${files.length - 2} more` : files.join(', '));

/** Where each evidence pattern is found in the code: the distinct names (group 1) and the files. */
function findEvidence(files: Record<string, string>, evidence: Evidence): { names: string[]; files: string[] } {
  const names = new Set<string>();
  const where = new Set<string>();
  for (const [path, text] of codeFiles(files)) {
    for (const m of text.matchAll(evidence.pattern)) {
      names.add((m[1] ?? m[0]).replace('?.', '.'));
      where.add(path);
    }
  }
  return { names: [...names].sort(), files: [...where].sort() };
}

export function checkPermissions(pkg: PackageContents): Finding[] {
  const requested = [...asStrings(pkg.manifest.permissions), ...asStrings(pkg.manifest.optional_permissions)];
  const findings: Finding[] = [];
  for (const permission of requested.filter((p) => !isHostPattern(p))) {
    const subject = `permission ${permission}`;
    const rule = Object.hasOwn(PERMISSION_RULES, permission) ? PERMISSION_RULES[permission] : undefined;
    if (!rule) {
      findings.push({ ok: false, subject, detail: 'no rule says how the code uses it: add one to PERMISSION_RULES in scripts/check-manifest.ts, or drop the permission' });
      continue;
    }
    const found = rule.evidence.map((e) => ({ e, ...findEvidence(pkg.files, e) }));
    const missing = found.filter((f) => f.files.length === 0);
    const seen = found.filter((f) => f.files.length > 0).map((f) => `${f.e.label}: ${f.names.join(', ')} in ${fileList(f.files)}`);
    findings.push(
      missing.length
        ? { ok: false, subject, detail: `asked for, but the bundled code shows no ${missing.map((f) => f.e.label).join(' and no ')}` }
        : { ok: true, subject, detail: `${rule.why} (${seen.join('; ')})` },
    );
  }
  const hosts = [...asStrings(pkg.manifest.permissions), ...asStrings(pkg.manifest.host_permissions)].filter(isHostPattern);
  const optionalHosts = [...asStrings(pkg.manifest.optional_permissions), ...asStrings(pkg.manifest.optional_host_permissions)].filter(isHostPattern);
  findings.push({
    ok: true,
    subject: 'host access',
    detail: `${plural(hosts.length, 'install-time pattern')} (test/e2e/lint.test.ts holds them to the site rules), ${plural(optionalHosts.length, 'optional pattern')} (asked for when the person needs them)`,
  });
  return findings;
}

const MSG = /__MSG_(\w+?)__/g;
const GET_MESSAGE = /getMessage\(\s*[`'"]([A-Za-z0-9_]+)[`'"]/g;

/** The message keys the manifest names. */
export function manifestMessageKeys(manifest: Record<string, unknown>): string[] {
  return [...new Set([...JSON.stringify(manifest).matchAll(MSG)].map((m) => m[1]))].sort();
}

/** The message keys the bundled code and pages name literally (`__MSG_x__`, getMessage('x')); @@ keys are the browser's. */
export function bundleMessageKeys(files: Record<string, string>): string[] {
  const keys = new Set<string>();
  for (const [, text] of codeFiles(files)) {
    for (const m of text.matchAll(MSG)) keys.add(m[1]);
    for (const m of text.matchAll(GET_MESSAGE)) keys.add(m[1]);
  }
  return [...keys].filter((k) => !k.startsWith('@@')).sort();
}

const messageText = (messages: Messages | undefined, key: string): string | undefined => {
  const entry = messages && Object.hasOwn(messages, key) ? messages[key] : undefined;
  return typeof entry?.message === 'string' ? entry.message : undefined;
};

/** `missing key` lines, grouped by locale; empty when every locale has every key. */
function missingIn(locales: Record<string, Messages>, keys: readonly string[]): string[] {
  return Object.entries(locales).flatMap(([lang, messages]) => {
    const missing = keys.filter((k) => messageText(messages, k) === undefined);
    return missing.length ? [`${lang} lacks ${missing.join(', ')}`] : [];
  });
}

export function checkLocales(pkg: PackageContents): Finding[] {
  const findings: Finding[] = [];
  const defaultLocale = typeof pkg.manifest.default_locale === 'string' ? pkg.manifest.default_locale : undefined;
  const langs = Object.keys(pkg.locales).sort();
  const manifestKeys = manifestMessageKeys(pkg.manifest);
  if (!defaultLocale || !pkg.locales[defaultLocale]) {
    findings.push({ ok: false, subject: 'locales', detail: `default_locale ${defaultLocale ?? '(not set)'} has no _locales/${defaultLocale ?? '?'}/messages.json (found: ${langs.join(', ') || 'none'})` });
    return findings;
  }
  const reference = Object.keys(pkg.locales[defaultLocale]).sort();
  const parity = langs.flatMap((lang) => {
    const keys = new Set(Object.keys(pkg.locales[lang]));
    const lacks = reference.filter((k) => !keys.has(k));
    const extra = [...keys].filter((k) => !reference.includes(k)).sort();
    const empty = [...keys].filter((k) => !messageText(pkg.locales[lang], k)?.trim()).sort();
    return [
      ...(lacks.length ? [`${lang} lacks ${lacks.join(', ')}`] : []),
      ...(extra.length ? [`${lang} has keys ${defaultLocale} lacks: ${extra.join(', ')}`] : []),
      ...(empty.length ? [`${lang} has empty messages: ${empty.join(', ')}`] : []),
    ];
  });
  findings.push(
    parity.length
      ? { ok: false, subject: 'locales', detail: parity.join('; ') }
      : { ok: true, subject: 'locales', detail: `${langs.join(', ')}: the same ${reference.length} keys as ${defaultLocale}, none empty` },
  );

  const manifestMissing = missingIn(pkg.locales, manifestKeys);
  findings.push(
    manifestMissing.length
      ? { ok: false, subject: 'manifest messages', detail: manifestMissing.join('; ') }
      : { ok: true, subject: 'manifest messages', detail: `${plural(manifestKeys.length, 'key')} (${manifestKeys.join(', ')}), in every locale` },
  );

  const fromBundle = bundleMessageKeys(pkg.files);
  const fromSources = [...new Set(pkg.sourceKeys ?? [])];
  const used = [...new Set([...fromBundle, ...fromSources])].sort();
  const usedMissing = missingIn(pkg.locales, used);
  findings.push(
    usedMissing.length
      ? { ok: false, subject: 'code messages', detail: usedMissing.join('; ') }
      : {
          ok: true,
          subject: 'code messages',
          detail: `${plural(used.length, 'key')} the code names (${fromBundle.length} in the bundle, ${fromSources.length} in the sources), in every locale`,
        },
  );

  // What the store shows: the name and description as each locale resolves them.
  const limits: string[] = [];
  let longest = { name: 0, description: 0 };
  for (const field of ['name', 'description'] as const) {
    const raw = pkg.manifest[field];
    if (typeof raw !== 'string') continue;
    for (const lang of langs) {
      const text = raw.replace(MSG, (_, key: string) => messageText(pkg.locales[lang], key) ?? messageText(pkg.locales[defaultLocale], key) ?? '');
      longest = { ...longest, [field]: Math.max(longest[field], [...text].length) };
      if ([...text].length > STORE_LIMITS[field]) limits.push(`${field} in ${lang} is ${[...text].length} characters (at most ${STORE_LIMITS[field]}): "${text}"`);
    }
  }
  findings.push(
    limits.length
      ? { ok: false, subject: 'store limits', detail: limits.join('; ') }
      : { ok: true, subject: 'store limits', detail: `name at most ${longest.name} of ${STORE_LIMITS.name} characters, description at most ${longest.description} of ${STORE_LIMITS.description}, in every locale` },
  );
  return findings;
}

/** Every file path (or web-accessible glob) the manifest names. */
export function manifestFiles(manifest: Record<string, unknown>): string[] {
  const m = manifest as Record<string, any>;
  const iconPaths = (icons: unknown): string[] => (icons && typeof icons === 'object' ? Object.values(icons).filter((v): v is string => typeof v === 'string') : typeof icons === 'string' ? [icons] : []);
  const action = m.action ?? m.browser_action ?? {};
  const war = asArray(m.web_accessible_resources).flatMap((w: unknown) => (typeof w === 'string' ? [w] : asStrings((w as { resources?: unknown }).resources)));
  return [
    ...iconPaths(m.icons),
    ...iconPaths(action.default_icon),
    ...asStrings([action.default_popup]),
    ...asStrings([m.background?.service_worker, m.background?.page]),
    ...asStrings(m.background?.scripts),
    ...asArray(m.content_scripts).flatMap((c: any) => [...asStrings(c.js), ...asStrings(c.css)]),
    ...asStrings([m.options_ui?.page, m.options_page]),
    ...war,
  ].map((p) => p.replace(/^\//, ''));
}

function asArray(value: unknown): any[] {
  return Array.isArray(value) ? value : [];
}

const globToRegExp = (glob: string): RegExp => new RegExp(`^${glob.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^]*')}$`);

export function checkFiles(pkg: PackageContents): Finding[] {
  const paths = Object.keys(pkg.files);
  const named = [...new Set(manifestFiles(pkg.manifest))];
  const absent = named.filter((p) => (p.includes('*') ? !paths.some((f) => globToRegExp(p).test(f)) : !Object.hasOwn(pkg.files, p)));
  return [
    absent.length
      ? { ok: false, subject: 'files', detail: `the manifest names what the package lacks: ${absent.join(', ')}` }
      : { ok: true, subject: 'files', detail: `${plural(named.length, 'path')} the manifest names, all in the package` },
  ];
}

export function checkPackage(pkg: PackageContents): Finding[] {
  return [...checkPermissions(pkg), ...checkLocales(pkg), ...checkFiles(pkg)];
}

export function formatFindings(title: string, findings: readonly Finding[]): string {
  return [title, ...findings.map((f) => `  ${f.ok ? 'ok     ' : 'PROBLEM'} ${f.subject}: ${f.detail}`)].join('\n');
}

async function main(): Promise<void> {
  const dirs = process.argv.slice(2);
  if (dirs.length === 0) {
    console.error('usage: npm run check-manifest -- <build folder>... (e.g. .output/chrome-mv3)');
    process.exit(2);
  }
  const sourceKeys = sourceMessageKeys();
  let problems = 0;
  for (const dir of dirs) {
    const pkg = { ...readPackage(dir), sourceKeys };
    const findings = checkPackage(pkg);
    problems += findings.filter((f) => !f.ok).length;
    const { version, manifest_version: mv } = pkg.manifest;
    console.log(formatFindings(`check-manifest ${dir} (version ${String(version)}, manifest v${String(mv)})`, findings));
  }
  console.log(`check-manifest: ${plural(problems, 'problem')}`);
  process.exit(problems ? 1 : 0);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
