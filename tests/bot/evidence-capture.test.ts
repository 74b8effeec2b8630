/**
 * Files and pasted screenshots sent to the bot in the 1:1 chat, over HTTP on /api/messages, downloaded from a local file
 * server into Azurite. Every test asserts what Blob Storage and the case record hold, not only what the card says.
 */
import { createHash } from 'node:crypto';
import { Verb } from '../../src/app/verbs';
import {
  type Card,
  cardOf,
  cardText,
  fileAttachment,
  invoke,
  PEOPLE,
  type Person,
  type Running,
  sendFiles,
  startBot,
} from '../support/bot-client';
import { confirmedPlan } from '../support/case-steps';
import { elementTypes, evidenceBlobs, type RawServer, startRawServer, storedItems } from '../support/evidence-steps';
import { type FileServer, sha256Of, startFileServer } from '../support/file-server';
import { validateCard } from '../support/validate-card';

const MB = 1024 * 1024;
const HTML = '<html><body><script>alert(document.cookie)</script><h1>Opslag</h1></body></html>';
const SVG = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script><circle r="4"/></svg>';
const sha = (s: string) => createHash('sha256').update(s).digest('hex');

let bot: Running;
let files: FileServer;
let raw: RawServer;
let caseId: string;
const logLines: string[] = [];
let seed = 100;

beforeAll(async () => {
  [files, raw] = await Promise.all([
    startFileServer(),
    startRawServer({ '/opslag.html': { type: 'text/html', body: HTML }, '/tegning.svg': { type: 'image/svg+xml', body: SVG } }),
  ]);
  bot = await startBot({ env: { EVIDENCE_MAX_FILE_MB: '1', LOG_LEVEL: 'debug' }, logLines });
  ({ caseId } = await confirmedPlan(bot.url));
});
afterAll(async () => {
  await bot.stop();
  await Promise.all([files.close(), raw.close()]);
});

/** A file from the local server: new bytes each time unless a seed is given. */
function file(size: number, name: string, extra = '', s = ++seed) {
  return { attachment: fileAttachment(`${files.url}/file?seed=${s}&size=${size}${extra}`, name), sha256: sha256Of(s, size), seed: s };
}

async function sent(attachments: Record<string, unknown>[], who: Person = PEOPLE.mette, id?: string): Promise<Card> {
  const res = await sendFiles(bot.url, who, attachments, id ? { id } : {});
  expect(res.status).toBe(200);
  const card = cardOf(res.activities[0]);
  expect(validateCard(card)).toEqual([]);
  return card;
}

const blobs = () => evidenceBlobs(bot.container, caseId);
const items = () => storedItems(bot.container, caseId);

describe('files sent in the chat become evidence on the case', () => {
  it('stores a file under the case by its SHA-256 with the chain of custody, then asks what it documents', async () => {
    const f = file(200_000, 'skærmbillede.png', '&type=image/png');
    const card = await sent([f.attachment]);
    expect(cardText(card)).toContain('Gemt på sagen');
    expect(await blobs()).toEqual([`evidence/${caseId}/${f.sha256}`]);
    const [item] = await items();
    expect(item).toMatchObject({
      kind: 'file',
      addedBy: PEOPLE.mette.aadObjectId,
      name: 'skærmbillede.png',
      size: 200_000,
      declaredType: 'image/png',
      sha256: f.sha256,
    });
    expect(Date.parse(item?.receivedAt ?? '')).not.toBeNaN();
    // The form for the link, note and time, naming the new item.
    const describe = (card.body as unknown[]).length && JSON.stringify(card);
    expect(describe).toContain(Verb.evidenceDescribe);
    const res = await invoke(bot.url, PEOPLE.mette, Verb.evidenceDescribe, {
      caseId,
      ids: item?.id,
      evidenceLink: 'https://example.org/opslag',
      evidenceNote: 'Fra Anders’ telefon',
      evidenceTakenDate: '2026-11-24',
      evidenceTakenTime: '08:12',
    });
    expect(validateCard(res.body.value)).toEqual([]);
    expect(cardText(res.body.value)).toContain('Dokumentation (1)');
    expect(cardText(res.body.value)).toContain(f.sha256.slice(0, 16));
    expect((await items())[0]).toMatchObject({
      link: 'https://example.org/opslag',
      note: 'Fra Anders’ telefon',
      takenAt: '2026-11-24T08:12',
    });
  });

  it('takes a pasted screenshot (inline image, contentUrl) without a token in local mode', async () => {
    const s = ++seed;
    const before = files.requests.length;
    const card = await sent([{ contentType: 'image/png', contentUrl: `${files.url}/file?seed=${s}&size=5000&type=image/png` }]);
    expect(cardText(card)).toContain('Gemt på sagen');
    expect(await blobs()).toContain(`evidence/${caseId}/${sha256Of(s, 5000)}`);
    expect(files.requests.slice(before).every((r) => r.authorization === undefined && r.cookie === undefined)).toBe(true);
    expect((await items()).at(-1)).toMatchObject({ name: 'skærmbillede.png', sha256: sha256Of(s, 5000) });
  });

  it('refuses a file over the size limit with a clear card, storing nothing', async () => {
    const [blobsBefore, itemsBefore] = [await blobs(), await items()];
    const card = await sent([file(MB + 10, 'stor-video.mp4').attachment]);
    expect(cardText(card)).toContain('Ikke gemt: filen er over 1 MB');
    expect(await blobs()).toEqual(blobsBefore);
    expect(await items()).toEqual(itemsBefore);
  });

  it('refuses a zero-byte file, storing nothing', async () => {
    const [blobsBefore, itemsBefore] = [await blobs(), await items()];
    const card = await sent([file(0, 'tom.png').attachment]);
    expect(cardText(card)).toContain('Ikke gemt: filen er tom');
    expect(await blobs()).toEqual(blobsBefore);
    expect(await items()).toEqual(itemsBefore);
  });

  it('stores nothing when the download breaks half-way, and tells the manager to send it again', async () => {
    const [blobsBefore, itemsBefore] = [await blobs(), await items()];
    const card = await sent([file(600_000, 'tråd.png', '&breakAt=250000').attachment]);
    expect(cardText(card)).toContain('overførslen blev afbrudt. Send filen til mig igen');
    expect(await blobs()).toEqual(blobsBefore);
    expect(await items()).toEqual(itemsBefore);
  });

  it('refuses a download URL on a host not allowed, logging the host only', async () => {
    const [blobsBefore, itemsBefore] = [await blobs(), await items()];
    const secret = 'tempauth=eyJhbGciOiJIUzI1NiJ9.hemmelig';
    const card = await sent([fileAttachment(`https://evil.example.com/dl/fortroligt-navn.png?${secret}`, 'fortroligt-navn.png')]);
    expect(cardText(card)).toContain('filen ligger et sted, jeg ikke henter fra');
    expect(await blobs()).toEqual(blobsBefore);
    expect(await items()).toEqual(itemsBefore);
    const log = logLines.join('\n');
    expect(log).toContain('"host":"evil.example.com"');
    expect(log).not.toContain(secret);
    expect(log).not.toContain('fortroligt-navn');
    // Plain http to another host is refused the same way, even in local mode.
    const plain = await sent([fileAttachment('http://10.0.0.1/x.png', 'x.png')]);
    expect(cardText(plain)).toContain('jeg ikke henter fra');
    expect(await blobs()).toEqual(blobsBefore);
  });

  it('cleans names: no folders, no text-direction characters, bounded length', async () => {
    const traversal = file(1000, '../../x');
    const rtl = file(1000, 'faktura\u202Egnp.exe');
    const long = file(1000, `${'a'.repeat(296)}.png`);
    const card = await sent([traversal.attachment, rtl.attachment, long.attachment]);
    expect(validateCard(card)).toEqual([]);
    const stored = await items();
    const byHash = (h: string) => stored.find((i) => i.sha256 === h);
    expect(byHash(traversal.sha256)?.name).toBe('x');
    expect(byHash(rtl.sha256)?.name).toBe('fakturagnp.exe');
    const longName = byHash(long.sha256)?.name ?? '';
    expect([...longName].length).toBeLessThanOrEqual(120);
    expect(longName.endsWith('.png')).toBe(true);
    for (const f of [traversal, rtl, long]) expect(await blobs()).toContain(`evidence/${caseId}/${f.sha256}`);
    expect(JSON.stringify(card)).not.toContain('\u202E');
    expect(JSON.stringify(card)).not.toContain('../');
  });

  it('stores an .html and an .svg with script as evidence and lists them, never rendering them', async () => {
    const card = await sent([
      fileAttachment(`${raw.url}/opslag.html`, 'opslag.html'),
      fileAttachment(`${raw.url}/tegning.svg`, 'tegning.svg'),
    ]);
    expect(cardText(card)).toContain('opslag.html');
    expect(await blobs()).toEqual(expect.arrayContaining([`evidence/${caseId}/${sha(HTML)}`, `evidence/${caseId}/${sha(SVG)}`]));
    const stored = await items();
    expect(stored.find((i) => i.sha256 === sha(HTML))).toMatchObject({ name: 'opslag.html', declaredType: 'text/html' });
    expect(stored.find((i) => i.sha256 === sha(SVG))).toMatchObject({ name: 'tegning.svg', declaredType: 'image/svg+xml' });
    const caseCard = (await invoke(bot.url, PEOPLE.mette, Verb.evidenceShow, { caseId })).body.value;
    expect(validateCard(caseCard)).toEqual([]);
    expect(cardText(caseCard)).toContain('tegning.svg');
    for (const c of [card, caseCard]) {
      expect(elementTypes(c).has('Image')).toBe(false);
      expect(elementTypes(c).has('Media')).toBe(false);
      expect(JSON.stringify(c)).not.toContain('<script');
      expect(JSON.stringify(c)).not.toContain('data:');
    }
  });

  it('recognises the same file sent twice and stores it once', async () => {
    const f = file(3000, 'samme.png');
    await sent([f.attachment]);
    const again = await sent([fileAttachment(`${files.url}/file?seed=${f.seed}&size=3000`, 'samme-igen.png')]);
    expect(cardText(again)).toContain('Ligger allerede på sagen');
    expect((await blobs()).filter((b) => b.endsWith(f.sha256))).toHaveLength(1);
    expect((await items()).filter((i) => i.sha256 === f.sha256)).toHaveLength(1);
  });

  it('takes twenty files in one message, and refuses twenty-one without fetching any', async () => {
    const twenty = Array.from({ length: 20 }, (_, i) => file(2000 + i, `billede-${i}.png`));
    const before = (await items()).length;
    const card = await sent(twenty.map((f) => f.attachment));
    expect(cardText(card).match(/Gemt på sagen/g)).toHaveLength(20);
    const stored = await blobs();
    for (const f of twenty) expect(stored).toContain(`evidence/${caseId}/${f.sha256}`);
    expect((await items()).length).toBe(before + 20);

    const requests = files.requests.length;
    const blobsBefore = await blobs();
    const refused = await sent(Array.from({ length: 21 }, (_, i) => file(2000 + i, `ekstra-${i}.png`).attachment));
    expect(cardText(refused)).toContain('Du sendte 21 filer i én besked. Jeg tager højst 20 ad gangen');
    expect(files.requests.length).toBe(requests);
    expect(await blobs()).toEqual(blobsBefore);
    expect((await items()).length).toBe(before + 20);
  });

  it('shows the newest items on the case card within Teams’ size limit, with the rest counted', async () => {
    const closed = (await invoke(bot.url, PEOPLE.mette, Verb.open, { caseId })).body.value;
    const n = (await items()).length;
    expect(n).toBeGreaterThan(20);
    expect(cardText(closed)).toContain(`Dokumentation (${n})`);
    const card = (await invoke(bot.url, PEOPLE.mette, Verb.evidenceShow, { caseId })).body.value;
    expect(validateCard(card)).toEqual([]);
    expect(cardText(card)).toContain(`Dokumentation (${n})`);
    expect(cardText(card)).toContain('ældre. Hele listen står i eksporten');
    expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThan(28 * 1024);
  });

  it('refuses evidence from a manager not on the case: nothing stored', async () => {
    const [blobsBefore, itemsBefore] = [await evidenceBlobs(bot.container), await items()];
    const requests = files.requests.length;
    const card = await sent([file(1000, 'peter.png').attachment], PEOPLE.peter);
    expect(cardText(card)).toContain('Du har ingen åben sag');
    // Naming Mette's case in the case-choice action does not help either.
    const forced = await invoke(bot.url, PEOPLE.peter, Verb.evidenceCase, { caseId, inboxId: 'a'.repeat(40) });
    expect(cardText(forced.body.value)).toContain('ikke adgang');
    expect(files.requests.length).toBe(requests);
    expect(await evidenceBlobs(bot.container)).toEqual(blobsBefore);
    expect(await items()).toEqual(itemsBefore);
  });

  it('withdraws an item only with a reason; it stays on the case, marked', async () => {
    const target = (await items())[0];
    const open = (await invoke(bot.url, PEOPLE.mette, Verb.evidenceShow, { caseId })).body.value;
    const rev = Number((JSON.stringify(open).match(/"verb":"opb\.evidence\.withdraw","data":\{"caseId":"[a-z0-9]+","rev":(\d+)/) ?? [])[1]);
    expect(rev).toBeGreaterThan(0);
    const noReason = await invoke(bot.url, PEOPLE.mette, Verb.evidenceWithdraw, {
      caseId,
      rev,
      evidenceId: target?.id,
      withdrawReason: ' ',
    });
    expect(cardText(noReason.body.value)).toContain('begrundelse');
    expect((await items())[0]?.withdrawn).toBeUndefined();
    const res = await invoke(bot.url, PEOPLE.mette, Verb.evidenceWithdraw, {
      caseId,
      rev,
      evidenceId: target?.id,
      withdrawReason: 'Forkert sag',
    });
    expect(validateCard(res.body.value)).toEqual([]);
    expect(cardText(res.body.value)).toContain('trukket tilbage');
    expect((await items())[0]).toMatchObject({ id: target?.id, withdrawn: { by: PEOPLE.mette.aadObjectId, reason: 'Forkert sag' } });
    expect(await blobs()).toContain(`evidence/${caseId}/${target?.sha256}`);
  });

  it('deleting the case deletes its evidence blobs', async () => {
    expect((await blobs()).length).toBeGreaterThan(20);
    const open = (await invoke(bot.url, PEOPLE.mette, Verb.open, { caseId })).body.value;
    const rev = Number((JSON.stringify(open).match(/"verb":"opb\.case\.delete","data":\{"caseId":"[a-z0-9]+","rev":(\d+)/) ?? [])[1]);
    const res = await invoke(bot.url, PEOPLE.mette, Verb.deleteCase, { caseId, rev });
    expect(cardText(res.body.value)).toContain('Sagen er slettet');
    expect(await blobs()).toEqual([]);
    expect(await items()).toEqual([]);
  });
});
