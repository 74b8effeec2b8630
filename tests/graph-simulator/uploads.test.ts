import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GraphSimulator, type UploadSession } from '../../dev/graph-simulator/simulator';
import { ChunkedUploader } from '../../src/http/chunked-upload';

let sim: GraphSimulator;
let url = '';
let dir = '';
beforeAll(async () => {
  sim = GraphSimulator.fromDemo();
  url = (await sim.start()).url;
  dir = await mkdtemp(join(tmpdir(), 'opbakning-upload-test-'));
});
afterAll(async () => {
  await sim.stop();
  await rm(dir, { recursive: true, force: true });
});

const session = async (name: string) =>
  (await (await fetch(`${url}/_sim/uploads`, { method: 'POST', body: JSON.stringify({ name }) })).json()) as UploadSession;

describe('the simulator as the OneDrive upload target of a file consent', () => {
  it('takes a file in Content-Range fragments, in order, and shows what it received', async () => {
    const bytes = randomBytes(1_000_000);
    const file = join(dir, 'pack.zip');
    await writeFile(file, bytes);
    const s = await session('OPB-1-sagsmappe.zip');
    // 320 KiB fragments, as OneDrive wants them: four PUTs.
    expect(await new ChunkedUploader(fetch, 320 * 1024).upload(s.uploadUrl, file, bytes.byteLength)).toEqual({ ok: true });
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    expect(sim.uploads.list()).toContainEqual(
      expect.objectContaining({ id: s.id, size: bytes.byteLength, complete: true, fragments: 4, sha256 }),
    );
    const back = Buffer.from(await (await fetch(s.contentUrl)).arrayBuffer());
    expect(back.equals(bytes)).toBe(true);
    const page = await (await fetch(`${url}/_uploads`)).text();
    expect(page).toContain('OPB-1-sagsmappe.zip');
    expect(page).toContain(sha256);
  });

  it('refuses a fragment out of order or without a range, and a finished upload', async () => {
    const s = await session('x.pdf');
    const put = (range: string | undefined, body = Buffer.alloc(10)) =>
      fetch(s.uploadUrl, { method: 'PUT', headers: range ? { 'content-range': range } : {}, body });
    expect((await put(undefined)).status).toBe(400);
    expect((await put('bytes 10-19/20')).status).toBe(416);
    expect((await put('bytes 0-9/20')).status).toBe(202);
    expect((await put('bytes 10-19/20')).status).toBe(201);
    expect((await put('bytes 0-9/20')).status).toBe(409);
    expect(sim.uploads.list().find((u) => u.id === s.id)).toMatchObject({ size: 20, complete: true, fragments: 2 });
  });
});
