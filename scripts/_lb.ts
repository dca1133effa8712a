import { benchLibraryBrowser } from '/work/main/scripts/lib/library-browser-bench';
const r = await benchLibraryBrowser({ extDir: '/work/main/.output/chrome-mv3', n: Number(process.argv[2] ?? 1000), log: (m) => console.error(m) });
console.log(JSON.stringify(r, null, 1));
