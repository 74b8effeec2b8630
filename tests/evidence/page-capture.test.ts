import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PageCapturer, type ResolveHost } from '../../src/evidence/page-capture';
import { isPublicAddress } from '../../src/evidence/public-address';
import { send } from '../support/file-server';

/** A small test site on 127.0.0.1; every host name below is resolved by the injected lookup, so nothing leaves loopback. */
let server: Server;
let port: number;
const seen: { path: string; cookie?: string; authorization?: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? '/';
    seen.push({ path, cookie: req.headers.cookie, authorization: req.headers.authorization });
    const redirect = (to: string) => send(res, 302, { location: to });
    if (path === '/page') send(res, 200, { 'content-type': 'text/html; charset=utf-8', 'set-cookie': 'sid=1' }, '<h1>Opslag om Søren</h1>');
    else if (path === '/to-page') redirect('/page');
    else if (path === '/to-intranet') redirect(`http://intranet.test:${port}/page`);
    else if (path === '/to-metadata') redirect('http://169.254.169.254/latest/meta-data/');
    else if (path === '/to-mapped') redirect(`http://[::ffff:10.0.0.1]:${port}/page`);
    else if (path === '/to-file') redirect('file:///etc/passwd');
    else if (path === '/loop') redirect('/loop');
    else if (path === '/to-login') redirect('/accounts/login?next=/post/1');
    else if (path.startsWith('/accounts/login')) send(res, 200, { 'content-type': 'text/html' }, '<form>Log ind</form>');
    else if (path === '/members') send(res, 401, { 'www-authenticate': 'Basic' }, 'no');
    else if (path === '/gone') send(res, 404, {}, 'not found');
    else if (path === '/big') {
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.alloc(1024 * 1024, 0x61);
      let n = 0;
      const pump = () => {
        while (n < 20) {
          n++;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      pump();
    } else if (path === '/slow') send(res, 200, { 'content-type': 'text/html' }, '<p>', true);
    else send(res, 404);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(
  () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
);

const hosts: Record<string, string[]> = {
  'site.test': ['127.0.0.1'],
  'intranet.test': ['10.0.0.1'],
  'metadata.test': ['169.254.169.254'],
  'split.test': ['93.184.215.14', '192.168.1.10'],
};
const resolve: ResolveHost = async (host) => {
  const found = hosts[host];
  if (!found) throw Object.assign(new Error('ENOTFOUND'), { code: 'ENOTFOUND' });
  return found.map((address) => ({ address, family: 4 }));
};
const now = () => new Date('2026-11-24T09:00:00Z');
const local = (o: Partial<ConstructorParameters<typeof PageCapturer>[0]> = {}) => new PageCapturer({ resolve, now, localMode: true, ...o });
const site = (path: string) => `http://site.test:${port}${path}`;

describe('"Gem siden nu": the guarded page fetcher', () => {
  it('keeps the raw response: body, headers (without cookies), final URL, status and time', async () => {
    const c = await local().capture(site('/to-page'));
    expect(c).toMatchObject({
      requestedUrl: site('/to-page'),
      finalUrl: site('/page'),
      status: 200,
      outcome: 'content',
      fetchedAt: '2026-11-24T09:00:00.000Z',
    });
    expect(Buffer.from(c.body).toString('utf8')).toBe('<h1>Opslag om Søren</h1>');
    expect(c.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(c.headers['set-cookie']).toBeUndefined();
    // The cookie the site set is never sent back.
    seen.length = 0;
    await local().capture(site('/page'));
    expect(seen).toEqual([{ path: '/page', cookie: undefined, authorization: undefined }]);
  });

  it('refuses a redirect from the site to a private address, before connecting to it', async () => {
    seen.length = 0;
    const c = await local().capture(site('/to-intranet'));
    expect(c).toMatchObject({
      outcome: 'error',
      error: 'privateAddress',
      finalUrl: `http://intranet.test:${port}/page`,
      body: new Uint8Array(),
    });
    expect(seen.map((s) => s.path)).toEqual(['/to-intranet']);
    expect(await local().capture(site('/to-metadata'))).toMatchObject({ outcome: 'error', error: 'privateAddress' });
    expect(await local().capture(site('/to-mapped'))).toMatchObject({ outcome: 'error', error: 'privateAddress' });
  });

  it('outside local mode refuses loopback too, and any name with one private address among public ones', async () => {
    seen.length = 0;
    const prod = new PageCapturer({ resolve, now, localMode: false });
    expect(await prod.capture(site('/page'))).toMatchObject({ outcome: 'error', error: 'privateAddress' });
    expect(await prod.capture(`http://127.0.0.1:${port}/page`)).toMatchObject({ error: 'privateAddress' });
    expect(await prod.capture(`http://[::1]:${port}/page`)).toMatchObject({ error: 'privateAddress' });
    expect(await prod.capture('http://split.test/')).toMatchObject({ error: 'privateAddress' });
    expect(await prod.capture('http://unknown.test/')).toMatchObject({ error: 'dnsFailed' });
    expect(seen).toEqual([]);
  });

  it('takes only http(s), and no credentials in the URL', async () => {
    for (const url of ['ftp://site.test/x', 'javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,<b>x</b>'])
      expect(await local().capture(url)).toMatchObject({ outcome: 'error', error: 'notHttp' });
    expect(await local().capture('not a url')).toMatchObject({ error: 'badUrl' });
    expect(await local().capture(`http://u:p@site.test:${port}/page`)).toMatchObject({ error: 'credentialsInUrl' });
    expect(await local().capture(site('/to-file'))).toMatchObject({ error: 'notHttp' });
  });

  it('follows at most three redirects', async () => {
    seen.length = 0;
    expect(await local().capture(site('/loop'))).toMatchObject({ outcome: 'error', error: 'tooManyRedirects', status: 302 });
    expect(seen).toHaveLength(4);
  });

  it('records a login wall and an error status as such, not as content', async () => {
    expect(await local().capture(site('/members'))).toMatchObject({ outcome: 'loginWall', status: 401 });
    const login = await local().capture(site('/to-login'));
    expect(login).toMatchObject({ outcome: 'loginWall', status: 200, finalUrl: site('/accounts/login?next=/post/1') });
    expect(await local().capture(site('/gone'))).toMatchObject({ outcome: 'error', error: 'httpError', status: 404 });
  });

  it('stops at the size cap and at the timeout', async () => {
    const big = await local({ maxBytes: 2 * 1024 * 1024 }).capture(site('/big'));
    expect(big).toMatchObject({ outcome: 'error', error: 'tooLarge', status: 200 });
    expect(big.body.byteLength).toBe(0);
    const started = Date.now();
    expect(await local({ timeoutMs: 300 }).capture(site('/slow'))).toMatchObject({ outcome: 'error', error: 'timeout', status: 200 });
    expect(Date.now() - started).toBeLessThan(3000);
    // The default cap is 15 MB: the 20 MB page is refused, and taken whole when the cap allows it.
    expect(await local().capture(site('/big'))).toMatchObject({ outcome: 'error', error: 'tooLarge' });
    const whole = await local({ maxBytes: 21 * 1024 * 1024 }).capture(site('/big'));
    expect(whole).toMatchObject({ outcome: 'content' });
    expect(whole.body.byteLength).toBe(20 * 1024 * 1024);
  });
});

describe('isPublicAddress', () => {
  it.each([
    ['8.8.8.8', true],
    ['2001:4860:4860::8888', true],
    ['127.0.0.1', false],
    ['10.1.2.3', false],
    ['172.16.0.1', false],
    ['192.168.0.1', false],
    ['100.64.0.1', false],
    ['169.254.169.254', false],
    ['0.0.0.0', false],
    ['::1', false],
    ['fd00::1', false],
    ['fe80::1', false],
    ['::ffff:10.0.0.1', false],
    ['::ffff:8.8.8.8', true],
    ['not-an-ip', false],
  ])('%s → %s', (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected);
  });
});
