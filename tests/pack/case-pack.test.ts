import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, type Readable } from 'node:stream';
import { PNG } from 'pngjs';
import { encodePng } from '../../dev/app-package/png';
import type { IncidentCase } from '../../src/domain/case';
import { casePackDocument } from '../../src/domain/case-pack';
import type { EvidenceItem } from '../../src/domain/evidence';
import { cleanFileName } from '../../src/domain/file-name';
import { sniffType } from '../../src/domain/sniff-type';
import { casePackPdf, casePackPdfBuffer, winAnsi } from '../../src/pack/case-pack-pdf';
import { EvidenceIntegrityError, writeCasePackZip } from '../../src/pack/case-pack-zip';
import { loadPolicy } from '../../src/policy/load-policy';
import { pdfImages, pdfText } from '../support/pdf-text';
import { unzipTo } from '../support/unzip';

const policy = loadPolicy();
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

function png(w: number, h: number, seed: number): Buffer {
  const data = new Uint8Array(w * h * 4);
  for (let i = 0; i < data.length; i += 4) {
    data[i] = (i * seed) & 0xff;
    data[i + 1] = (i >> 8) & 0xff;
    data[i + 2] = seed * 40;
    data[i + 3] = 255;
  }
  return encodePng({ width: w, height: h, data });
}

const screenshot = png(120, 80, 1);
const second = png(60, 200, 2);
const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
const page = Buffer.from('<!doctype html><p>Opslag om Søren Ærø</p>');
const bytesBySha = new Map([screenshot, second, svg, page].map((b) => [sha(b), b]));

const item = (id: string, bytes: Buffer, over: Partial<EvidenceItem>): EvidenceItem => ({
  id,
  kind: 'file',
  addedBy: 'mette',
  receivedAt: '2026-11-24T09:15:00.000Z',
  name: 'x',
  size: bytes.byteLength,
  sniffedType: sniffType(bytes.subarray(0, 512)),
  sha256: sha(bytes),
  ...over,
});

const evidence: EvidenceItem[] = [
  item('e1', screenshot, {
    name: cleanFileName('../../Skærmbillede – opslag.png'),
    declaredType: 'image/png',
    link: 'https://facebook.com/p/1',
    note: 'Øverste kommentar',
    takenAt: '2026-11-24T08:50:00.000Z',
  }),
  item('e2', second, { name: 'Skærmbillede – opslag.png', declaredType: 'image/png' }),
  item('e3', svg, {
    name: cleanFileName('tegning\u202Egvs.svg'),
    declaredType: 'image/svg+xml',
    withdrawn: { at: '2026-11-24T10:00:00.000Z', by: 'lars', reason: 'Forkert fil' },
  }),
  item('e4', page, {
    kind: 'capture',
    name: 'facebook.com',
    declaredType: 'text/html; charset=utf-8',
    link: 'https://facebook.com/p/1',
    capture: {
      requestedUrl: 'https://facebook.com/p/1',
      finalUrl: 'https://www.facebook.com/p/1',
      status: 200,
      outcome: 'content',
      headers: { 'content-type': 'text/html; charset=utf-8', date: 'Tue, 24 Nov 2026 09:20:00 GMT' },
    },
  }),
];

const incident: IncidentCase = {
  kind: 'incident',
  id: 'c0ffee12abcd',
  rev: 9,
  ownerId: 'mette',
  managerIds: ['lars'],
  departmentId: 'boern-familie',
  locale: 'da',
  createdAt: '2026-11-24T08:00:00.000Z',
  updatedAt: '2026-11-25T08:00:00.000Z',
  status: 'plan',
  intake: {
    employees: [{ id: 'soeren', name: 'Søren Ærø-Østergård' }],
    urls: ['https://facebook.com/p/1'],
    platform: 'facebook',
    discoveredOn: '2026-11-24',
    description: 'Opslag i en lokal gruppe med navn og billede; kommentarer om "hævn".',
    posterName: 'Åge Æbelø',
    employeeContacted: true,
    evidenceSaved: false,
    characteristics: ['directThreat'],
  },
  plan: [
    {
      actionId: 'policeReport',
      due: '2026-11-24',
      reasons: ['directThreat'],
      source: 'policy',
      status: 'done',
      doneAt: '2026-11-24T12:00:00.000Z',
      doneBy: 'mette',
      reference: '4400-12345-00001-26',
    },
    {
      actionId: 'staffMessage',
      due: '2026-11-26',
      reasons: [],
      source: 'manager',
      status: 'done',
      notRelevant: true,
      doneAt: '2026-11-25T08:00:00.000Z',
      doneBy: 'mette',
      reference: 'Medarbejderen ønsker ingen besked',
    },
    { actionId: 'crisisSupport', due: '2026-11-27', reasons: ['always'], source: 'policy', status: 'open' },
  ],
  meeting: {
    status: 'booked',
    transactionId: 't',
    attempt: 1,
    slot: { start: '2026-11-25T09:00:00.000Z', end: '2026-11-25T09:30:00.000Z' },
    joinUrl: 'https://teams.microsoft.com/l/meetup-join/x',
  },
  post: { status: 'posted', text: 'Vi står bag vores kollega. Ledelsen', consent: true },
  audit: [
    { at: '2026-11-24T08:00:00.000Z', by: 'mette', what: 'incident.open', rev: 1 },
    { at: '2026-11-24T12:00:00.000Z', by: 'mette', what: 'done', rev: 5, actionId: 'policeReport' },
  ],
};

const doc = (items = evidence) =>
  casePackDocument({
    case: incident,
    policy,
    locale: 'da',
    departmentName: 'Børn og Familie',
    names: { mette: 'Mette Holm', lars: 'Lars Ørsted' },
    evidence: items,
    esdhNumber: '24.11.00-A00-123-26',
    drafts: [{ title: 'Anmodning om fjernelse', body: 'Kære Facebook, fjern venligst opslaget (straffeloven § 267).' }],
    now: new Date('2026-11-26T10:00:00Z'),
  });

const open = async (row: { item: EvidenceItem }): Promise<Readable | undefined> => {
  const bytes = bytesBySha.get(row.item.sha256);
  if (!bytes) return undefined;
  const s = new PassThrough();
  s.end(bytes);
  return s;
};
const loadImage = async (row: { item: EvidenceItem }) => bytesBySha.get(row.item.sha256);

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'opbakning-pack-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('the case pack', () => {
  it('PDF: holds the record with Danish letters intact, the evidence index with full hashes, and the images as an appendix', async () => {
    const pdf = await casePackPdfBuffer(doc(), loadImage);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { text, pages } = await pdfText(pdf);
    const flat = text.replace(/\s+/g, ' ');
    for (const expected of [
      'Sagsmappe OPB-C0FFEE12',
      'Afdeling: Børn og Familie',
      'ESDH-nummer: 24.11.00-A00-123-26',
      'Søren Ærø-Østergård',
      'Afsender af opslaget: Åge Æbelø',
      'Medarbejderen er kontaktet.',
      'Lederen havde ikke sikret dokumentation',
      'direkte trussel',
      'reference: 4400-12345-00001-26',
      'ikke relevant',
      'begrundelse: Medarbejderen ønsker ingen besked',
      'Vi står bag vores kollega.',
      'Anmodning om fjernelse',
      '§ 267',
      'Dokumentation – oversigt',
      'Skærmbillede – opslag.png',
      'Øverste kommentar',
      'Tilføjet af: Mette Holm',
      'Trukket tilbage',
      'Lars Ørsted: Forkert fil',
      'Bilag: billeder',
    ])
      expect(flat).toContain(expected);
    for (const e of evidence) expect(flat).toContain(e.sha256);
    // The timeline names people; the raw id is not what a reader sees.
    expect(flat).toMatch(/24\.11\.2026 09\.00 Mette Holm: incident\.open/);
    // Two PNGs in the appendix, one per page after the index; the SVG (withdrawn, and never drawn) and the page are listed only.
    expect(pages).toBeGreaterThanOrEqual(4);
    expect(flat).not.toContain('<script>');
  });

  it('PDF: draws PNGs with and without transparency and grey ones pixel for pixel, as a PDF reader decodes them', async () => {
    const rgbPixels = [255, 0, 0, 0, 255, 0, 0, 0, 255, 10, 20, 30, 40, 50, 60, 70, 80, 90];
    const rgbPng = PNG.sync.write(
      Object.assign(new PNG({ width: 3, height: 2 }), { data: Buffer.from(rgbPixels.flatMap((v, i) => (i % 3 === 2 ? [v, 255] : [v]))) }),
      {
        colorType: 2,
      },
    );
    const grey = PNG.sync.write(
      Object.assign(new PNG({ width: 2, height: 1 }), { data: Buffer.from([0, 0, 0, 255, 200, 200, 200, 255]) }),
      { colorType: 0 },
    );
    const seeThrough = encodePng({ width: 2, height: 1, data: new Uint8Array([255, 0, 0, 255, 0, 0, 255, 0]) });
    const opaqueRgba = encodePng({ width: 1, height: 1, data: new Uint8Array([1, 2, 3, 255]) });
    const all = [rgbPng, grey, seeThrough, opaqueRgba];
    for (const b of all) bytesBySha.set(sha(b), b);
    const pdf = await casePackPdfBuffer(doc(all.map((b, i) => item(`i${i}`, b, { name: `${i}.png` }))), loadImage);
    const images = await pdfImages(pdf);
    expect(images.map((i) => [i.width, i.height, i.kind])).toEqual([
      [3, 2, 2],
      [2, 1, 2],
      [2, 1, 3],
      [1, 1, 2],
    ]);
    expect(Array.from(images[0].data)).toEqual(rgbPixels);
    // pdf.js hands grey out as RGB.
    expect(Array.from(images[1].data)).toEqual([0, 0, 0, 200, 200, 200]);
    expect(Array.from(images[2].data)).toEqual([255, 0, 0, 255, 0, 0, 255, 0]);
    expect(Array.from(images[3].data)).toEqual([1, 2, 3]);
    // One image per appendix page.
    expect(new Set(images.map((i) => i.page)).size).toBe(4);
    expect((await pdfText(pdf)).text).not.toContain('kan ikke vises');
  });

  it('PDF: a picture the PDF cannot draw is named, not drawn', async () => {
    const gif = Buffer.from('GIF89a....');
    bytesBySha.set(sha(gif), gif);
    const { text } = await pdfText(await casePackPdfBuffer(doc([item('g', gif, { name: 'animation.gif' })]), loadImage));
    expect(text.replace(/\s+/g, ' ')).toContain('Billedet kan ikke vises i PDF-filen; det ligger i ZIP-filen.');
  });

  it('ZIP: the PDF, every evidence file under a clean unique name, saved pages with headers, and SHA256SUMS that sha256sum -c accepts', async () => {
    const d = doc();
    const zipFile = join(dir, 'pack.zip');
    const files = await writeCasePackZip(
      { doc: d, pdf: () => casePackPdf(d, loadImage), open, now: new Date('2026-11-26T10:00:00Z') },
      createWriteStream(zipFile),
    );
    const out = join(dir, 'out');
    const names = await unzipTo(zipFile, out);
    expect(names).toEqual([
      'OPB-C0FFEE12-sagsmappe.pdf',
      'dokumentation/01 Skærmbillede – opslag.png',
      'dokumentation/02 Skærmbillede – opslag.png',
      'dokumentation/03 tegninggvs.svg',
      'gemte-sider/04 www.facebook.com.html',
      'gemte-sider/04 www.facebook.com.headers.txt',
      'SHA256SUMS',
    ]);
    expect(files.map((f) => f.path)).toEqual(names.slice(0, -1));
    expect(await readFile(join(out, 'dokumentation/01 Skærmbillede – opslag.png'))).toEqual(screenshot);
    expect(await readFile(join(out, 'gemte-sider/04 www.facebook.com.headers.txt'), 'utf8')).toContain('200 https://www.facebook.com/p/1');
    const check = execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: out, encoding: 'utf8' });
    expect(check.trim().split('\n')).toHaveLength(6);
    expect(check).not.toMatch(/FAILED/);
    // The check can fail: a changed file is caught.
    await writeFile(join(out, 'dokumentation/02 Skærmbillede – opslag.png'), 'changed');
    expect(() => execFileSync('sha256sum', ['-c', '--quiet', 'SHA256SUMS'], { cwd: out, stdio: 'pipe' })).toThrow();
  });

  it('ZIP: stops when a stored file is missing or no longer matches its recorded hash', async () => {
    const d = doc([evidence[0]]);
    const changed = async () => {
      const s = new PassThrough();
      s.end(Buffer.from('tampered'));
      return s;
    };
    await expect(
      writeCasePackZip(
        { doc: d, pdf: () => casePackPdf(d, loadImage), open: changed, now: new Date() },
        createWriteStream(join(dir, 'a.zip')),
      ),
    ).rejects.toEqual(new EvidenceIntegrityError('dokumentation/01 Skærmbillede – opslag.png', 'changed'));
    await expect(
      writeCasePackZip(
        { doc: d, pdf: () => casePackPdf(d, loadImage), open: async () => undefined, now: new Date() },
        createWriteStream(join(dir, 'b.zip')),
      ),
    ).rejects.toBeInstanceOf(EvidenceIntegrityError);
  });

  it('an English pack, and a case without evidence', async () => {
    const en = casePackDocument({
      case: { ...incident, locale: 'en' },
      policy,
      locale: 'en',
      departmentName: 'Children and Families',
      names: {},
      evidence: [],
      drafts: [],
      now: new Date('2026-11-26T10:00:00Z'),
    });
    expect(en.fileStem).toBe('OPB-C0FFEE12-case-file');
    const { text } = await pdfText(await casePackPdfBuffer(en, loadImage));
    expect(text).toContain('No evidence is stored on the case.');
    expect(text).not.toContain('ESDH');
  });

  it('draws only what the built-in fonts can: Danish kept, the rest transliterated', () => {
    expect(winAnsi('æøå ÆØÅ é ü – “citat” €')).toBe('æøå ÆØÅ é ü – “citat” €');
    expect(winAnsi('Łukasz Dąbrowski → ✔ 👍\u0007')).toBe('Lukasz Dabrowski -> [x] ?');
  });
});
