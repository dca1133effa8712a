/** scripts/check-manifest.ts: our own check of a store package, on packages made up in the test. */
import { describe, expect, it } from 'vitest';
import { bundleMessageKeys, checkPackage, formatFindings, manifestFiles, manifestMessageKeys, type Finding, type PackageContents } from '../../scripts/check-manifest';

const BACKGROUND = [
  // What the release bundle does, in its minified shape (webextension-polyfill's `f.default`).
  'f.default.action.onClicked.addListener(e=>ao(e.id));',
  'f.default.commands?.onCommand.addListener((e,t)=>{});',
  'let t=f.default.contextMenus;if(t){t.create({id:`a`,title:f.default.i18n.getMessage(`contextMenuRead`)})}',
  'f.default.contextMenus?.onClicked.addListener(()=>{});',
  'await f.default.scripting.executeScript({target:{tabId:e},files:[`/content-scripts/reader.js`]});',
  'await f.default.storage.local.get(`settings`);',
  'let r=e.indexedDB.open(`jernih-library`);',
].join('\n');

const messages = (keys: string[], text = (k: string) => `text of ${k}`) => Object.fromEntries(keys.map((k) => [k, { message: text(k) }]));
const KEYS = ['extName', 'extDescription', 'actionTitle', 'contextMenuRead', 'saveButton'];

function goodPackage(): PackageContents {
  return {
    manifest: {
      manifest_version: 3,
      name: '__MSG_extName__',
      description: '__MSG_extDescription__',
      version: '1.2.3',
      default_locale: 'en',
      permissions: ['activeTab', 'scripting', 'storage', 'contextMenus', 'unlimitedStorage'],
      host_permissions: ['*://cdn.example.com/*'],
      optional_host_permissions: ['*://*/*'],
      icons: { 16: 'icons/16.png', 128: 'icons/128.png' },
      action: { default_title: '__MSG_actionTitle__', default_icon: { 16: 'icons/16.png' } },
      background: { service_worker: 'background.js' },
      content_scripts: [{ matches: ['*://*.example.com/*'], js: ['content-scripts/autoclean.js'] }],
      options_ui: { page: 'options.html' },
      web_accessible_resources: [{ resources: ['fonts/*.woff2'], matches: ['<all_urls>'] }],
    },
    locales: { en: messages(KEYS), id: messages(KEYS, (k) => `teks ${k}`) },
    files: {
      'manifest.json': '',
      'background.js': BACKGROUND,
      'content-scripts/autoclean.js': '',
      'options.html': '<title>__MSG_extName__</title>',
      'icons/16.png': '',
      'icons/128.png': '',
      'fonts/literata-latin-400.woff2': '',
      '_locales/en/messages.json': '',
      '_locales/id/messages.json': '',
    },
    sourceKeys: ['saveButton'],
  };
}

const problems = (findings: Finding[]) => findings.filter((f) => !f.ok).map((f) => `${f.subject}: ${f.detail}`);
const bySubject = (findings: Finding[], subject: string) => findings.find((f) => f.subject === subject);

describe('check-manifest', () => {
  it('passes a package whose every permission is used and every message present', () => {
    const findings = checkPackage(goodPackage());
    expect(problems(findings)).toEqual([]);
    // Each permission is reported with its reason and where the code uses it.
    expect(bySubject(findings, 'permission contextMenus')?.detail).toMatch(/contextMenus\.onClicked in background\.js/);
    expect(bySubject(findings, 'permission unlimitedStorage')?.detail).toMatch(/IndexedDB/);
    expect(bySubject(findings, 'code messages')?.detail).toMatch(/^3 keys the code names \(2 in the bundle, 1 in the sources\)/);
  });

  it('names a permission the code does not use', () => {
    const pkg = goodPackage();
    pkg.files['background.js'] = BACKGROUND.split('\n').filter((line) => !line.includes('contextMenus')).join('\n');
    expect(problems(checkPackage(pkg))).toEqual(['permission contextMenus: asked for, but the bundled code shows no contextMenus API']);
  });

  it("does not count the polyfill's table of namespaces as a use", () => {
    const pkg = goodPackage();
    pkg.files['background.js'] = BACKGROUND.split('\n').filter((line) => !line.includes('contextMenus')).join('\n')
      + '\nvar meta={contextMenus:{remove:{minArgs:1,maxArgs:1}},storage:{local:{get:{minArgs:0}}}};';
    expect(problems(checkPackage(pkg))).toHaveLength(1);
  });

  it('asks activeTab for both a gesture and an injection, and unlimitedStorage for IndexedDB', () => {
    const pkg = goodPackage();
    pkg.files['background.js'] = BACKGROUND.replace('scripting.executeScript(', 'scripting.registerContentScripts(').replace('indexedDB.open(', 'caches.open(');
    expect(problems(checkPackage(pkg))).toEqual([
      'permission activeTab: asked for, but the bundled code shows no injection into that tab',
      'permission unlimitedStorage: asked for, but the bundled code shows no IndexedDB',
    ]);
  });

  it('fails a permission it has no rule for, and leaves host patterns to the host check', () => {
    const pkg = goodPackage();
    pkg.manifest.permissions = ['storage', 'downloads', '*://*.example.com/*'];
    pkg.files['background.js'] += '\nf.default.downloads.download({url:u});';
    const findings = checkPackage(pkg);
    expect(problems(findings)).toEqual([expect.stringMatching(/^permission downloads: no rule says how the code uses it/)]);
    expect(bySubject(findings, 'host access')?.detail).toMatch(/^2 install-time patterns .*, 1 optional pattern/);
  });

  it('finds locales that lack, add or empty keys', () => {
    const pkg = goodPackage();
    delete pkg.locales.id.saveButton;
    pkg.locales.id.onlyHere = { message: 'x' };
    pkg.locales.id.actionTitle = { message: ' ' };
    expect(problems(checkPackage(pkg))).toEqual([
      'locales: id lacks saveButton; id has keys en lacks: onlyHere; id has empty messages: actionTitle',
      'code messages: id lacks saveButton',
    ]);
  });

  it("checks the manifest's, the bundle's and the sources' keys in every locale", () => {
    const pkg = goodPackage();
    pkg.manifest.commands = { 'open-library': { description: '__MSG_commandLibrary__' } };
    pkg.files['background.js'] += '\nf.default.i18n.getMessage("cannotRun");';
    pkg.sourceKeys = ['saveButton', 'libraryEmpty'];
    expect(problems(checkPackage(pkg))).toEqual([
      'manifest messages: en lacks commandLibrary; id lacks commandLibrary',
      'code messages: en lacks cannotRun, libraryEmpty; id lacks cannotRun, libraryEmpty',
    ]);
  });

  it('reads keys from the manifest and from the bundle (not the browser\'s own @@ messages)', () => {
    expect(manifestMessageKeys({ name: '__MSG_extName__', action: { default_title: '__MSG_actionTitle__' }, short_name: '__MSG_extName__' })).toEqual(['actionTitle', 'extName']);
    expect(bundleMessageKeys({ 'a.js': "x.getMessage('one');y.getMessage(\"two\");z.getMessage(`@@ui_locale`)", 'b.html': '<p>__MSG_three__</p>', 'c.png': '__MSG_four__' })).toEqual(['one', 'three', 'two']);
  });

  it("keeps the name and description within the Chrome Web Store's limits in every locale", () => {
    const pkg = goodPackage();
    pkg.locales.id.extDescription = { message: 'x'.repeat(133) };
    expect(problems(checkPackage(pkg))).toEqual([expect.stringMatching(/^store limits: description in id is 133 characters \(at most 132\)/)]);
    pkg.locales.id.extDescription = { message: 'x'.repeat(132) };
    expect(problems(checkPackage(pkg))).toEqual([]);
  });

  it('needs the default locale', () => {
    const pkg = goodPackage();
    pkg.manifest.default_locale = 'fr';
    expect(problems(checkPackage(pkg))).toEqual(['locales: default_locale fr has no _locales/fr/messages.json (found: en, id)']);
  });

  it('finds files the manifest names but the package lacks', () => {
    const pkg = goodPackage();
    delete pkg.files['icons/128.png'];
    delete pkg.files['fonts/literata-latin-400.woff2'];
    expect(problems(checkPackage(pkg))).toEqual(['files: the manifest names what the package lacks: icons/128.png, fonts/*.woff2']);
    expect(manifestFiles({ browser_action: { default_popup: '/popup.html' }, background: { scripts: ['background.js'] }, web_accessible_resources: ['a/*.png'] }))
      .toEqual(['popup.html', 'background.js', 'a/*.png']);
  });

  it('prints one line a finding, problems marked', () => {
    const text = formatFindings('check-manifest x', [{ ok: true, subject: 'a', detail: 'fine' }, { ok: false, subject: 'b', detail: 'broken' }]);
    expect(text).toBe('check-manifest x\n  ok      a: fine\n  PROBLEM b: broken');
  });
});
