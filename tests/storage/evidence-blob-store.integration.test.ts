import { randomBytes } from 'node:crypto';
import { BlobServiceClient, type ContainerClient } from '@azure/storage-blob';
import { checkDownloadUrl, DEFAULT_DOWNLOAD_HOSTS } from '../../src/evidence/download-allow-list';
import { EvidenceBlobStore } from '../../src/storage/evidence-blob-store';
import { type FileServer, sha256Of, startFileServer } from '../support/file-server';

const MB = 1024 * 1024;
const limits = { maxFileBytes: 25 * MB, maxCaseBytes: 250 * MB };

function container(): ContainerClient {
  const connection = process.env.TEST_STORAGE_CONNECTION_STRING;
  if (!connection) throw new Error('run through jest: the global setup starts Azurite');
  return BlobServiceClient.fromConnectionString(connection).getContainerClient(`e${randomBytes(6).toString('hex')}`);
}

function store(c: ContainerClient, localMode = true, blockBytes?: number): EvidenceBlobStore {
  return new EvidenceBlobStore(c, {
    fetch,
    gate: (url) => checkDownloadUrl(url, { hosts: DEFAULT_DOWNLOAD_HOSTS, localMode }),
    blockBytes,
  });
}

/** Every blob in the container, committed or not. */
async function everything(c: ContainerClient): Promise<{ committed: string[]; uncommitted: string[] }> {
  const committed: string[] = [];
  for await (const b of c.listBlobsFlat()) committed.push(b.name);
  const all: string[] = [];
  for await (const b of c.listBlobsFlat({ includeUncommitedBlobs: true })) all.push(b.name);
  return { committed, uncommitted: all.filter((n) => !committed.includes(n)) };
}

describe('EvidenceBlobStore: download → hash → Blob Storage (Azurite)', () => {
  let files: FileServer;
  beforeAll(async () => {
    files = await startFileServer();
  });
  afterAll(() => files.close());

  it('stores a file under the case by its SHA-256, streamed in blocks, and reads the same bytes back', async () => {
    const c = container();
    const s = store(c, true, 1 * MB);
    const size = 3 * MB + 12345;
    const result = await s.storeFromUrl('case0001', { url: `${files.url}/file?seed=7&size=${size}&type=image/png` }, limits);
    expect(result).toMatchObject({ ok: true, sha256: sha256Of(7, size), size, duplicate: false, declaredType: 'image/png' });
    if (!result.ok) throw new Error('not stored');
    expect(result.head.byteLength).toBe(512);
    expect((await everything(c)).committed).toEqual([`evidence/case0001/${sha256Of(7, size)}`]);
    const back = await s.open('case0001', result.sha256);
    const chunks: Buffer[] = [];
    for await (const chunk of back ?? []) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).byteLength).toBe(size);
    expect(await s.usage('case0001')).toBe(size);
    expect(await s.open('case0001', 'f'.repeat(64))).toBeUndefined();
  });

  it('recognises the same bytes twice and stores them once; chunked transfer works too', async () => {
    const c = container();
    const s = store(c);
    const first = await s.storeFromUrl('case0002', { url: `${files.url}/file?seed=8&size=5000` }, limits);
    const again = await s.storeFromUrl('case0002', { url: `${files.url}/file?seed=8&size=5000&noLength=1` }, limits);
    expect(first).toMatchObject({ ok: true, duplicate: false });
    expect(again).toMatchObject({ ok: true, duplicate: true, sha256: sha256Of(8, 5000) });
    expect((await everything(c)).committed).toHaveLength(1);
  });

  it('two instances storing the same bytes at once commit one blob', async () => {
    const c = container();
    const [a, b] = await Promise.all(
      [1, 2].map(() => store(c).storeFromUrl('case0003', { url: `${files.url}/file?seed=9&size=${MB}` }, limits)),
    );
    expect([a, b].every((r) => r.ok)).toBe(true);
    expect((await everything(c)).committed).toEqual([`evidence/case0003/${sha256Of(9, MB)}`]);
  });

  it('leaves nothing committed when the download breaks half-way', async () => {
    const c = container();
    const s = store(c, true, 256 * 1024);
    const result = await s.storeFromUrl('case0004', { url: `${files.url}/file?seed=10&size=${2 * MB}&breakAt=${MB}` }, limits);
    expect(result).toEqual({ ok: false, reason: 'interrupted' });
    const chunked = await s.storeFromUrl('case0004', { url: `${files.url}/file?seed=10&size=${2 * MB}&breakAt=${MB}&noLength=1` }, limits);
    expect(chunked).toEqual({ ok: false, reason: 'interrupted' });
    // Blocks were staged before the break: they exist only uncommitted, invisible to every reader.
    const blobs = await everything(c);
    expect(blobs.uncommitted.length).toBeGreaterThan(0);
    expect(blobs.committed).toEqual([]);
    expect(await s.usage('case0004')).toBe(0);
  });

  it('aborts over the file limit and over the case limit while streaming, storing nothing', async () => {
    const c = container();
    const s = store(c);
    const small = { maxFileBytes: MB, maxCaseBytes: 3 * MB };
    // Announced too big: refused before the body is read.
    expect(await s.storeFromUrl('case0005', { url: `${files.url}/file?seed=11&size=${2 * MB}` }, small)).toEqual({
      ok: false,
      reason: 'fileTooLarge',
      limit: MB,
    });
    // Not announced (chunked): counted while streaming.
    expect(await s.storeFromUrl('case0005', { url: `${files.url}/file?seed=11&size=${2 * MB}&noLength=1` }, small)).toMatchObject({
      ok: false,
      reason: 'fileTooLarge',
    });
    expect((await everything(c)).committed).toEqual([]);
    for (const seed of [12, 13, 14])
      expect(await s.storeFromUrl('case0005', { url: `${files.url}/file?seed=${seed}&size=${MB}` }, small)).toMatchObject({ ok: true });
    expect(await s.storeFromUrl('case0005', { url: `${files.url}/file?seed=15&size=10` }, small)).toEqual({
      ok: false,
      reason: 'caseFull',
      limit: 3 * MB,
    });
    // Another case has its own budget.
    expect(await s.storeFromUrl('case0006', { url: `${files.url}/file?seed=15&size=10` }, small)).toMatchObject({ ok: true });
  });

  it('refuses an empty file, an error status and a host or redirect not on the allow-list', async () => {
    const c = container();
    const s = store(c);
    expect(await s.storeFromUrl('case0007', { url: `${files.url}/file?seed=1&size=0` }, limits)).toEqual({ ok: false, reason: 'empty' });
    expect(await s.storeFromUrl('case0007', { url: `${files.url}/status/403` }, limits)).toEqual({
      ok: false,
      reason: 'httpStatus',
      status: 403,
    });
    // In production mode loopback is not allowed at all, and the refusal names the host only.
    expect(await store(c, false).storeFromUrl('case0007', { url: `${files.url}/file?seed=1&size=10` }, limits)).toEqual({
      ok: false,
      reason: 'notAllowed',
      host: '127.0.0.1',
    });
    const away = await s.storeFromUrl(
      'case0007',
      { url: `${files.url}/redirect?to=${encodeURIComponent('http://example.org/x')}` },
      limits,
    );
    expect(away).toEqual({ ok: false, reason: 'notAllowed', host: 'example.org' });
    expect((await everything(c)).committed).toEqual([]);
  });

  it('follows an allowed redirect, sends the token to the first host only, and never sends cookies', async () => {
    const c = container();
    const s = store(c);
    const target = `${files.url.replace('127.0.0.1', 'localhost')}/file?seed=16&size=100`;
    files.requests.length = 0;
    const result = await s.storeFromUrl(
      'case0008',
      { url: `${files.url}/redirect?to=${encodeURIComponent(target)}`, authorization: 'Bearer t' },
      limits,
    );
    expect(result).toMatchObject({ ok: true, sha256: sha256Of(16, 100) });
    expect(files.requests.map((r) => r.authorization)).toEqual(['Bearer t', undefined]);
    expect(files.requests.every((r) => r.cookie === undefined)).toBe(true);
  });

  it('stores bytes held in memory (a page capture) the same way, and deletes all evidence of a case', async () => {
    const c = container();
    const s = store(c);
    const page = Buffer.from('<!doctype html><title>opslag</title>');
    expect(await s.storeBytes('case0009', page, limits, 'text/html')).toMatchObject({ ok: true, size: page.byteLength, duplicate: false });
    await s.storeFromUrl('case0009', { url: `${files.url}/file?seed=17&size=100` }, limits);
    await s.storeFromUrl('case0010', { url: `${files.url}/file?seed=17&size=100` }, limits);
    expect(await s.deleteCase('case0009')).toBe(2);
    expect((await everything(c)).committed).toEqual([`evidence/case0010/${sha256Of(17, 100)}`]);
  });
});
