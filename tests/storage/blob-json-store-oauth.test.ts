/**
 * The token-credential path (STORAGE_ACCOUNT_URL) against a real Azurite that accepts OAuth bearer tokens over https
 * (`--oauth basic`), with a certificate made for this run and trusted by this test's storage client only.
 * It will join the JsonStore contract suite; until then it proves the same operations with bearer tokens.
 */
import { randomBytes } from 'node:crypto';
import { type Azurite, startAzurite } from '../../dev/azurite';
import { AzuriteTokenCredential, type Certificate, selfSignedCertificate, trustingHttpClient } from '../../dev/azurite-oauth';
import { isCoded } from '../../src/app/errors';
import { BlobJsonStore } from '../../src/storage/blob-json-store';

let certificate: Certificate;
let azurite: Azurite;

beforeAll(async () => {
  certificate = selfSignedCertificate();
  azurite = await startAzurite({ tls: certificate });
});
afterAll(async () => {
  await azurite?.stop();
  certificate?.remove();
});

function store(credential = new AzuriteTokenCredential()): BlobJsonStore {
  return BlobJsonStore.fromAccountUrl(azurite.accountUrl, credential, `o${randomBytes(6).toString('hex')}`, {
    httpClient: trustingHttpClient(certificate),
  });
}

async function failure(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => undefined,
    (e: unknown) => e,
  );
}

describe('BlobJsonStore with a bearer token (Azurite, OAuth, https)', () => {
  it('asks its credential for an Azure Storage token', async () => {
    const credential = new AzuriteTokenCredential();
    expect(await store(credential).get('nothing.json')).toBeUndefined();
    expect(credential.requests).toContain('https://storage.azure.com/.default');
  });

  it('reads, creates only once, replaces only with the current eTag, and loses a conflict without overwriting', async () => {
    const s = store();
    const doc = { name: 'Søren Ærø-Østergård 👍', n: 1 };
    expect(await s.get('cases/a.json')).toBeUndefined();
    expect(await s.create('cases/a.json', doc)).toBe('created');
    expect(await s.create('cases/a.json', { other: true })).toBe('exists');
    const first = await s.get<typeof doc>('cases/a.json');
    expect(first?.value).toEqual(doc);
    expect(await s.replace('cases/a.json', { ...doc, n: 2 }, first?.etag ?? '')).toBe('saved');
    expect(await s.replace('cases/a.json', { ...doc, n: 3 }, first?.etag ?? '')).toBe('conflict');
    expect((await s.get<typeof doc>('cases/a.json'))?.value.n).toBe(2);
    // If-Match on a blob that is gone is a conflict too, not a silent create.
    expect(await s.replace('cases/missing.json', { n: 1 }, first?.etag ?? '')).toBe('conflict');
  });

  it('lets exactly one of many concurrent writers win', async () => {
    const s = store();
    await s.create('race.json', { v: 0 });
    const base = await s.get('race.json');
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => s.replace('race.json', { v: i + 1 }, base?.etag ?? '')));
    expect(results.filter((r) => r === 'saved')).toHaveLength(1);
  });

  it('lists by prefix and deletes', async () => {
    const s = store();
    await Promise.all(['index/u1/a', 'index/u1/b', 'index/u2/c'].map((k) => s.create(k, {})));
    expect((await s.list('index/u1/')).sort()).toEqual(['index/u1/a', 'index/u1/b']);
    await s.delete('index/u1/a');
    await s.delete('index/u1/a'); // deleting what is gone is fine
    expect(await s.list('index/u1/')).toEqual(['index/u1/b']);
    expect(await s.get('index/u1/a')).toBeUndefined();
  });

  it('is refused with a token for another audience: the bearer token is what lets it in', async () => {
    const error = await failure(store(new AzuriteTokenCredential({ audience: 'https://vault.azure.net' })).get('x.json'));
    expect(isCoded(error, 'storage_unavailable')).toBe(true);
    expect(String((error as Error).message)).toMatch(/403/);
  });

  it('trusts the test certificate only where it is given: a client without it cannot connect', async () => {
    const plain = BlobJsonStore.fromAccountUrl(azurite.accountUrl, new AzuriteTokenCredential(), 'untrusted');
    const error = await failure(plain.get('x.json'));
    expect(isCoded(error, 'storage_unavailable')).toBe(true);
  });
});
