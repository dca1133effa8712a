import { describe, expect, it } from 'vitest';
import { isPrivateHost, mayFetchPicture, siteOf } from '@/utils/background/pictures';

const none = async () => false;

describe('which pictures the background fetches when an article is saved', () => {
  it('knows a site from its hosts, Indonesian second-level domains included', () => {
    expect(siteOf('asset.kompas.com')).toBe('kompas.com');
    expect(siteOf('akcdn.detik.net.id')).toBe('detik.net.id');
    expect(siteOf('www.antaranews.com')).toBe('antaranews.com');
    expect(siteOf('img.kemdikbud.go.id')).toBe('kemdikbud.go.id');
    expect(siteOf('localhost')).toBe('localhost');
  });

  it('tells private, loopback and link-local addresses, in every spelling the URL parser leaves', () => {
    const privateHosts = ['localhost', 'api.localhost', '127.0.0.1', '127.1.2.3', '10.0.0.1', '172.16.5.4', '172.31.255.255', '192.168.1.1',
      '169.254.169.254', '0.0.0.0', '100.64.0.1', '[::1]', '::1', 'fd12:3456::1', 'fe80::1', 'router', 'printer.local', 'db.internal'];
    for (const h of privateHosts) expect(isPrivateHost(h), h).toBe(true);
    for (const h of ['kompas.com', '8.8.8.8', '172.32.0.1', '192.169.0.1', '2606:4700::1111']) expect(isPrivateHost(h), h).toBe(false);
    // What new URL() makes of numeric and mapped forms.
    for (const raw of ['http://2130706433/x.png', 'http://0x7f.1/x.png', 'http://[::ffff:127.0.0.1]/x.png', 'http://[::ffff:192.168.0.1]/x.png']) {
      expect(isPrivateHost(new URL(raw).hostname), raw).toBe(true);
    }
  });

  it('fetches the article site\'s own pictures and granted hosts\' only; private addresses only for a private page', async () => {
    const page = 'https://www.kompas.com/read/2023/09/14/1/judul';
    expect(await mayFetchPicture('https://asset.kompas.com/crops/a.jpg', page, none)).toBe(true);
    expect(await mayFetchPicture('https://cdn.other-site.com/a.jpg', page, none)).toBe(false);
    const asked: string[] = [];
    const granted = async (o: string) => (asked.push(o), o === 'https://cdn.other-site.com/*');
    expect(await mayFetchPicture('https://cdn.other-site.com/a.jpg', page, granted)).toBe(true);
    expect(asked).toEqual(['https://cdn.other-site.com/*']);
    // Even with every host granted: never this machine or its network from a public page.
    const all = async () => true;
    for (const url of ['http://127.0.0.1:8080/admin.png', 'http://192.168.1.1/logo.png', 'http://169.254.169.254/latest/meta-data', 'http://localhost/x.png', 'http://2130706433/x.png', 'http://[::1]/x.png']) {
      expect(await mayFetchPicture(url, page, all), url).toBe(false);
    }
    // A page on the intranet may show its own network's pictures.
    expect(await mayFetchPicture('http://192.168.1.20/foto.jpg', 'http://192.168.1.10/berita/1', none)).toBe(true);
    expect(await mayFetchPicture('http://127.0.0.1:4000/a.png', 'http://127.0.0.1:4000/article', none)).toBe(true);
    // Not a picture address at all.
    for (const url of ['javascript:alert(1)', 'data:image/png;base64,AAAA', 'file:///etc/passwd', 'ftp://kompas.com/a.jpg', 'https://user:pw@asset.kompas.com/a.jpg', 'not a url']) {
      expect(await mayFetchPicture(url, page, all), url).toBe(false);
    }
  });
});
