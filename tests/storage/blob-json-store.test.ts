import { randomBytes } from 'node:crypto';
import { isCoded } from '../../src/app/errors';
import { BlobJsonStore } from '../../src/storage/blob-json-store';

function store(): BlobJsonStore {
  const connection = process.env.TEST_STORAGE_CONNECTION_STRING;
  if (!connection) throw new Error('run through jest: the global setup starts Azurite');
  return BlobJsonStore.fromConnectionString(connection, `s${randomBytes(6).toString('hex')}`);
}

describe('BlobJsonStore against Azurite', () => {
  it('creates only once, replaces only with the current eTag, and round-trips Danish text and emoji', async () => {
    const s = store();
    const doc = { name: 'Søren Ærø-Østergård 👍', n: 1 };
    expect(await s.create('cases/a.json', doc)).toBe('created');
    expect(await s.create('cases/a.json', { other: true })).toBe('exists');
    const first = await s.get<typeof doc>('cases/a.json');
    expect(first?.value).toEqual(doc);
    expect(await s.replace('cases/a.json', { ...doc, n: 2 }, first?.etag ?? '')).toBe('saved');
    // The first eTag is now stale: a second writer holding it loses, and nothing is overwritten.
    expect(await s.replace('cases/a.json', { ...doc, n: 3 }, first?.etag ?? '')).toBe('conflict');
    expect((await s.get<typeof doc>('cases/a.json'))?.value.n).toBe(2);
  });

  it('lets exactly one of many concurrent writers win', async () => {
    const s = store();
    await s.create('race.json', { v: 0 });
    const base = await s.get('race.json');
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => s.replace('race.json', { v: i + 1 }, base?.etag ?? '')));
    expect(results.filter((r) => r === 'saved')).toHaveLength(1);
  });

  it('lists by prefix, reads a missing key as undefined, and deletes', async () => {
    const s = store();
    await Promise.all(['index/u1/a', 'index/u1/b', 'index/u2/c'].map((k) => s.create(k, {})));
    expect((await s.list('index/u1/')).sort()).toEqual(['index/u1/a', 'index/u1/b']);
    expect(await s.get('nope.json')).toBeUndefined();
    await s.delete('index/u1/a');
    expect(await s.list('index/u1/')).toEqual(['index/u1/b']);
  });

  it('reports an unreachable storage as a coded storage_unavailable error', async () => {
    const dead = BlobJsonStore.fromConnectionString(
      'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:9/devstoreaccount1;',
    );
    const error = await dead.get('x').then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isCoded(error, 'storage_unavailable')).toBe(true);
  });
});
