/**
 * The storage port's contract (src/app/json-store.ts), one suite for every store: create-only writes,
 * If-Match replacement, conflicts, concurrent writers, missing keys, listing by prefix, deletion, and what a
 * document looks like after the round trip. Call it from a test file per store:
 *
 *   describeJsonStoreContract('MemoryJsonStore', () => new MemoryJsonStore());
 *
 * `makeStore` is called once per test and must return an empty store (e.g. a new container).
 */
import type { JsonStore } from '../../src/app/json-store';

export function describeJsonStoreContract(name: string, makeStore: () => JsonStore | Promise<JsonStore>): void {
  describe(`${name}: the JsonStore contract`, () => {
    let s: JsonStore;
    beforeEach(async () => {
      s = await makeStore();
    });

    it('reads a missing key as undefined', async () => {
      expect(await s.get('nope.json')).toBeUndefined();
    });

    it('creates only once: a second create is "exists" and changes nothing', async () => {
      expect(await s.create('cases/a.json', { v: 1 })).toBe('created');
      expect(await s.create('cases/a.json', { other: true })).toBe('exists');
      expect((await s.get('cases/a.json'))?.value).toEqual({ v: 1 });
    });

    it('replaces only with the current eTag; a stale one is a conflict and overwrites nothing', async () => {
      await s.create('a.json', { v: 1 });
      const first = await s.get<{ v: number }>('a.json');
      if (!first) throw new Error('not stored');
      expect(first.etag).not.toBe('');
      expect(await s.replace('a.json', { v: 2 }, first.etag)).toBe('saved');
      const second = await s.get<{ v: number }>('a.json');
      expect(second?.value.v).toBe(2);
      expect(second?.etag).not.toBe(first.etag);
      // The first eTag is now stale: a second writer holding it loses.
      expect(await s.replace('a.json', { v: 3 }, first.etag)).toBe('conflict');
      expect((await s.get<{ v: number }>('a.json'))?.value.v).toBe(2);
    });

    it('refuses to replace a document that does not exist (a conflict, nothing created)', async () => {
      expect(await s.replace('ghost.json', { v: 1 }, '"0x8D000000000000"')).toBe('conflict');
      expect(await s.get('ghost.json')).toBeUndefined();
    });

    it('lets exactly one of many concurrent writers with the same eTag win', async () => {
      await s.create('race.json', { v: 0 });
      const base = await s.get('race.json');
      const results = await Promise.all(Array.from({ length: 8 }, (_, i) => s.replace('race.json', { v: i + 1 }, base?.etag ?? '')));
      expect(results.filter((r) => r === 'saved')).toHaveLength(1);
      expect(results.filter((r) => r === 'conflict')).toHaveLength(7);
    });

    it('lets exactly one of many concurrent creators win', async () => {
      const results = await Promise.all(Array.from({ length: 6 }, (_, i) => s.create('once.json', { v: i })));
      expect(results.filter((r) => r === 'created')).toHaveLength(1);
      expect(results.filter((r) => r === 'exists')).toHaveLength(5);
    });

    it('lists the keys under a prefix, and only those', async () => {
      await Promise.all(['index/u1/a', 'index/u1/b', 'index/u2/c', 'cases/x.json'].map((k) => s.create(k, {})));
      expect((await s.list('index/u1/')).sort()).toEqual(['index/u1/a', 'index/u1/b']);
      expect((await s.list('index/')).sort()).toEqual(['index/u1/a', 'index/u1/b', 'index/u2/c']);
      expect(await s.list('nothing/')).toEqual([]);
    });

    it('deletes, and deleting a missing key is no error', async () => {
      await Promise.all(['index/u1/a', 'index/u1/b'].map((k) => s.create(k, { k })));
      await s.delete('index/u1/a');
      expect(await s.get('index/u1/a')).toBeUndefined();
      expect(await s.list('index/u1/')).toEqual(['index/u1/b']);
      await expect(s.delete('index/u1/a')).resolves.toBeUndefined();
      // A deleted key can be created again.
      expect(await s.create('index/u1/a', { again: true })).toBe('created');
    });

    it('round-trips a document as JSON: Danish text and emoji intact, dates as ISO strings, undefined left out', async () => {
      const doc = { name: 'Søren Ærø-Østergård 👍', list: [{ n: 1 }], at: new Date('2026-11-24T10:00:00Z'), gone: undefined };
      expect(await s.create('cases/æøå.json', doc)).toBe('created');
      expect((await s.get('cases/æøå.json'))?.value).toEqual({
        name: 'Søren Ærø-Østergård 👍',
        list: [{ n: 1 }],
        at: '2026-11-24T10:00:00.000Z',
      });
    });
  });
}
