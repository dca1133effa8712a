// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { makeArticle, newLibrary } from '../helpers/library';
import type { Article } from '../../utils/extract/types';
import { S } from '../../utils/library/schema';
import { req } from '../../utils/library/idb';

function article(n: number, title: string, body: string, over: Partial<Article> = {}): Article {
  return makeArticle(n, { title, contentHtml: `<p>${body}</p>`, textContent: body, excerpt: body.slice(0, 60), leadImage: null, ...over });
}

async function seed() {
  const t = newLibrary();
  const { lib } = t;
  const ids = {
    banjir: (await lib.save(article(1, 'Banjir rob rendam Jakarta Utara', 'Petugas BPBD mendirikan posko pengungsian.'), { tags: ['jakarta'] })).id,
    beras: (await lib.save(article(2, 'Harga beras naik jelang Natal', 'Pedagang pasar induk mengeluh pasokan berkurang.', { siteName: 'detikNews', url: 'https://news.detik.com/berita/d-1/beras' }))).id,
    gempa: (await lib.save(article(3, 'Gempa di Cianjur', 'Warga mengungsi setelah gempa; posko didirikan di lapangan.', { byline: 'Bénédicte Surya' }), { tags: ['bencana'] })).id,
    essay: (await lib.save(article(4, 'In praise of slow reading', 'Reading slowly is a habit worth keeping online.', { url: 'https://example.org/slow', siteName: 'Example Essays', lang: 'en' }))).id,
  };
  return { ...t, ids };
}

const titles = (r: { items: { title: string }[] }) => r.items.map((s) => s.title);

describe('library search', () => {
  it('finds words in titles, sites and bodies, as you type', async () => {
    const { lib, ids } = await seed();
    expect((await lib.search('pengungsian')).items.map((s) => s.id)).toEqual([ids.banjir]);
    // Each keystroke: the word being typed matches as a prefix, in titles from the second letter...
    expect(titles(await lib.search('be')).sort()).toEqual(['Gempa di Cianjur', 'Harga beras naik jelang Natal']); // "Bénédicte"
    expect(titles(await lib.search('ber'))).toEqual(['Harga beras naik jelang Natal']);
    // ...in bodies from the fourth ("posk" -> "posko"; three letters reach words in nearly every article).
    expect((await lib.search('pos')).items).toEqual([]);
    expect((await lib.search('posk')).items.map((s) => s.id).sort()).toEqual([ids.banjir, ids.gempa].sort());
    // One letter is too short to search: the list stays as it is.
    expect((await lib.search('b')).items).toHaveLength(4);
    // A one-letter next word waits for its second letter instead of emptying the results.
    expect((await lib.search('gempa l')).items.map((s) => s.id)).toEqual([ids.gempa]);
    expect((await lib.search('posko'))!.items.map((s) => s.id).sort()).toEqual([ids.banjir, ids.gempa].sort());
    // Site names and hosts.
    expect((await lib.search('detiknews')).items.map((s) => s.id)).toEqual([ids.beras]);
    expect((await lib.search('example.org')).items.map((s) => s.id)).toEqual([ids.essay]);
    // Every word must match, in any field: one in the title, the other in the body.
    expect((await lib.search('gempa lapangan')).items.map((s) => s.id)).toEqual([ids.gempa]);
    expect((await lib.search('gempa pasar')).items).toEqual([]);
    // Without accents, and with a typo in a finished word.
    expect((await lib.search('benedicte')).items.map((s) => s.id)).toEqual([ids.gempa]);
    expect((await lib.search('pengungsan posko')).items.map((s) => s.id)).toEqual([ids.banjir]);
    // Title matches rank above body matches.
    const r = await lib.search('mengungsi');
    expect(r.items[0].id).toBe(ids.gempa);
    expect(r.complete).toBe(true);
  });

  it('an empty query lists, with the same filters', async () => {
    const { lib } = await seed();
    expect((await lib.search('')).items).toHaveLength(4);
    expect(titles(await lib.search('  ', { tag: 'bencana' }))).toEqual(['Gempa di Cianjur']);
  });

  it('filters by unread and by tag, and follows read state and tag changes', async () => {
    const { lib, ids } = await seed();
    expect((await lib.search('posko', { tag: 'jakarta' })).items.map((s) => s.id)).toEqual([ids.banjir]);
    await lib.markRead(ids.banjir);
    expect((await lib.search('posko', { unread: true })).items.map((s) => s.id)).toEqual([ids.gempa]);
    await lib.addTag(ids.gempa, 'Jakarta');
    expect((await lib.search('posko', { tag: 'jakarta' })).items.map((s) => s.id).sort()).toEqual([ids.banjir, ids.gempa].sort());
    // Tags are searchable words too.
    expect((await lib.search('bencana')).items.map((s) => s.id)).toEqual([ids.gempa]);
  });

  it('stays in step with saves, updates and deletes', async () => {
    const { lib, ids } = await seed();
    expect((await lib.search('pengungsian')).items).toHaveLength(1);
    const n = await lib.save(article(5, 'Longsor di Bogor', 'Tim SAR mencari korban longsor.'));
    expect((await lib.search('longsor')).items.map((s) => s.id)).toEqual([n.id]);
    await lib.save(article(5, 'Longsor di Bogor', 'Tim SAR menemukan semua korban selamat.'));
    expect((await lib.search('mencari')).items).toEqual([]);
    expect((await lib.search('selamat')).items.map((s) => s.id)).toEqual([n.id]);
    const { undo } = await lib.delete(ids.banjir);
    expect((await lib.search('pengungsian')).items).toEqual([]);
    await undo();
    expect((await lib.search('pengungsian')).items.map((s) => s.id)).toEqual([ids.banjir]);
    await lib.delete(ids.banjir);
    await lib.purge();
    expect((await lib.search('pengungsian')).items).toEqual([]);
  });

  it('sees what another tab saved and deleted (the index catches up by generation)', async () => {
    const { lib, reopen, ids } = await seed();
    await lib.search('x');
    const other = reopen();
    const n = await other.save(article(9, 'Kereta cepat beroperasi', 'Penumpang kereta cepat bertambah.'));
    await other.delete(ids.essay);
    await other.purge();
    expect((await lib.search('kereta')).items.map((s) => s.id)).toEqual([n.id]);
    const gone = await lib.search('reading');
    expect(gone.items).toEqual([]);
    // Dropped from the indexes themselves, not only hidden by the final check of the summaries.
    expect(gone.total).toBe(0);
    for (const kind of ['heads', 'body'] as const) {
      const ix = lib.searchStore.loaded(kind)!;
      expect(ix.ids.has(ids.essay)).toBe(false);
      expect(ix.ids.has(n.id)).toBe(true);
      expect(ix.size).toBe(4);
    }
  });

  it('persists the index: a new page loads the snapshot instead of rebuilding, and catches up on what changed since', async () => {
    const { lib, reopen, ids } = await seed();
    await lib.search('posko');
    await lib.close();
    const popup = reopen();
    expect((await popup.search('pengungsian')).items.map((s) => s.id)).toEqual([ids.banjir]);
    expect(popup.searchStore.lastLoad).toEqual({ heads: 'snapshot', body: 'snapshot' });
    await popup.close();

    // Another tab writes while no index is open; the next popup loads the (stale) snapshot and catches up.
    const tab = reopen();
    const n = await tab.save(article(7, 'Pemilu serentak', 'Komisi pemilihan menyiapkan logistik.'));
    await tab.delete(ids.beras);
    const popup2 = reopen();
    expect((await popup2.search('logistik')).items.map((s) => s.id)).toEqual([n.id]);
    expect((await popup2.search('pedagang')).items).toEqual([]);
    expect(popup2.searchStore.lastLoad).toEqual({ heads: 'snapshot', body: 'snapshot' });
  });

  it('rebuilds an index whose snapshot is missing or corrupt', async () => {
    const { lib, reopen, ids } = await seed();
    await lib.search('posko');
    await lib.close();
    // Damage the body snapshot and delete the heads snapshot.
    const db = await reopen().db();
    const tx = db.transaction([S.meta], 'readwrite');
    const meta = tx.objectStore(S.meta);
    const body = await req(meta.get('search:body'));
    meta.put({ ...body, json: body.json.slice(0, body.json.length / 2) });
    meta.delete('search:heads');
    await new Promise((r) => (tx.oncomplete = r));
    db.close();

    const popup = reopen();
    expect((await popup.search('pengungsian')).items.map((s) => s.id)).toEqual([ids.banjir]);
    expect(popup.searchStore.lastLoad).toEqual({ heads: 'rebuilt', body: 'rebuilt' });
    await popup.close();
    const next = reopen();
    await next.search('posko');
    expect(next.searchStore.lastLoad).toEqual({ heads: 'snapshot', body: 'snapshot' });
  });

  it('answers from titles at once while the body index loads (waitForBodies: false)', async () => {
    const { lib, reopen, ids } = await seed();
    await lib.search('x');
    await lib.close();
    const popup = reopen();
    const first = await popup.search('gempa', { waitForBodies: false });
    expect(first.complete).toBe(false);
    expect(first.items.map((s) => s.id)).toEqual([ids.gempa]);
    // A word only in a body is found once the body index is there.
    expect((await popup.search('lapangan', { waitForBodies: false })).items.length).toBeLessThanOrEqual(1);
    await popup.searchReady();
    const later = await popup.search('lapangan', { waitForBodies: false });
    expect(later).toMatchObject({ complete: true });
    expect(later.items.map((s) => s.id)).toEqual([ids.gempa]);
  });
});
