import {
  activeEvidence,
  addEvidence,
  describeEvidence,
  type EvidenceItem,
  shortHash,
  storedBytes,
  withdrawEvidence,
} from '../../src/domain/evidence';
import { cleanFileName, FILE_NAME_MAX, uniqueNames } from '../../src/domain/file-name';
import { isRasterImage, sniffType } from '../../src/domain/sniff-type';

const bytes = (...parts: (number[] | string)[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : p)));

describe('cleanFileName', () => {
  it.each([
    ['../../x', 'x'],
    ['..\\..\\windows\\system32\\x.png', 'x.png'],
    ['/etc/passwd', 'passwd'],
    ['skærmbillede 2026-11-24 kl. 10.15.png', 'skærmbillede 2026-11-24 kl. 10.15.png'],
    ['fak\u202Etnp.exe', 'faktnp.exe'],
    ['a\u0000b\u0007c\u200F.pdf', 'abc.pdf'],
    ['con:stream?.png', 'con_stream_.png'],
    ['...', 'fil'],
    ['', 'fil'],
    [undefined, 'fil'],
    ['  .hidden  ', 'hidden'],
    ['linje\nto.png', 'linje to.png'],
  ])('%j → %j', (input, out) => {
    expect(cleanFileName(input)).toBe(out);
  });

  it('bounds a 300-character name and keeps its extension', () => {
    const name = cleanFileName(`${'å'.repeat(300)}.jpeg`);
    expect([...name]).toHaveLength(FILE_NAME_MAX);
    expect(name.endsWith('å.jpeg')).toBe(true);
    expect([...cleanFileName('x'.repeat(300))]).toHaveLength(FILE_NAME_MAX);
    // A long "extension" is part of the name.
    expect([...cleanFileName(`a.${'b'.repeat(300)}`)]).toHaveLength(FILE_NAME_MAX);
  });

  it('makes names unique within a folder, regardless of case', () => {
    expect(uniqueNames(['a.png', 'A.png', 'a.png', 'b'])).toEqual(['a.png', 'A (2).png', 'a (3).png', 'b']);
  });
});

describe('sniffType', () => {
  it.each([
    [bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), 'image/png'],
    [bytes([0xff, 0xd8, 0xff, 0xe0]), 'image/jpeg'],
    [bytes('GIF89a'), 'image/gif'],
    [bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 '), 'image/webp'],
    [bytes('%PDF-1.7\n'), 'application/pdf'],
    [bytes([0x50, 0x4b, 0x03, 0x04, 20, 0]), 'application/zip'],
    [bytes([0, 0, 0, 0x18], 'ftypheic'), 'image/heic'],
    [bytes([0, 0, 0, 0x18], 'ftypisom'), 'video/mp4'],
    [bytes('  <!DOCTYPE html><html>'), 'text/html'],
    [bytes('<script>alert(1)</script>'), 'text/html'],
    [bytes([0xef, 0xbb, 0xbf], '<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>'), 'image/svg+xml'],
    [bytes('<?xml version="1.0"?>\n<svg onload="x()">'), 'image/svg+xml'],
    [bytes('hello'), 'application/octet-stream'],
    [bytes(), 'application/octet-stream'],
  ])('%#: %s', (head, type) => {
    expect(sniffType(head)).toBe(type);
  });

  it('never calls SVG or HTML a picture to draw', () => {
    expect(isRasterImage('image/svg+xml')).toBe(false);
    expect(isRasterImage('text/html')).toBe(false);
    expect(isRasterImage('image/png')).toBe(true);
  });
});

describe('evidence items: append-only', () => {
  const item = (id: string, sha: string, over: Partial<EvidenceItem> = {}): EvidenceItem => ({
    id,
    kind: 'file',
    addedBy: 'mette',
    receivedAt: '2026-11-24T09:00:00.000Z',
    name: `${id}.png`,
    size: 100,
    declaredType: 'image/png',
    sniffedType: 'image/png',
    sha256: sha.repeat(64),
    ...over,
  });

  it('adds items in order and refuses the same bytes twice, naming the item that holds them', () => {
    const one = addEvidence([], item('a', 'a', { note: '  taget fra\u202E profilen\n ' }));
    if (!one.ok) throw new Error('refused');
    expect(one.item.note).toBe('taget fra profilen');
    const two = addEvidence(one.items, item('b', 'b'));
    if (!two.ok) throw new Error('refused');
    expect(two.items.map((i) => i.id)).toEqual(['a', 'b']);
    const dup = addEvidence(two.items, item('c', 'a'));
    expect(dup).toEqual({ ok: false, reason: 'duplicate', existing: one.item });
    expect(addEvidence(two.items, item('a', 'd'))).toEqual({ ok: false, reason: 'idTaken' });
    expect(addEvidence([], item('x', 'Z'))).toEqual({ ok: false, reason: 'invalid' });
    // Two captures of an unchanged page are two observations.
    const pages = addEvidence([item('p', 'e', { kind: 'capture' })], item('q', 'e', { kind: 'capture' }));
    expect(pages.ok).toBe(true);
  });

  it('withdraws with who, when and why, keeps the item, and then accepts the bytes again', () => {
    const items = [item('a', 'a'), item('b', 'b')];
    expect(withdrawEvidence(items, 'a', 'mette', '   ', new Date())).toEqual({ ok: false, reason: 'reasonRequired' });
    expect(withdrawEvidence(items, 'zz', 'mette', 'forkert', new Date())).toEqual({ ok: false, reason: 'notFound' });
    const out = withdrawEvidence(items, 'a', 'lars', 'Forkert sag', new Date('2026-11-25T10:00:00Z'));
    if (!out.ok) throw new Error('refused');
    expect(out.items).toHaveLength(2);
    expect(out.items[0].withdrawn).toEqual({ at: '2026-11-25T10:00:00.000Z', by: 'lars', reason: 'Forkert sag' });
    expect(items[0].withdrawn).toBeUndefined();
    expect(withdrawEvidence(out.items, 'a', 'lars', 'igen', new Date())).toEqual({ ok: false, reason: 'alreadyWithdrawn' });
    expect(activeEvidence(out.items).map((i) => i.id)).toEqual(['b']);
    expect(addEvidence(out.items, item('c', 'a')).ok).toBe(true);
  });

  it('counts stored bytes once per hash and shows 16 hex digits', () => {
    expect(storedBytes([item('a', 'a'), item('b', 'a'), item('c', 'c', { size: 50 })])).toBe(150);
    expect(shortHash('0123456789abcdef'.repeat(4))).toBe('0123456789abcdef');
  });
});

describe('describeEvidence', () => {
  const at = new Date('2026-12-02T10:00:00Z');
  const base = (id: string, sha: string): EvidenceItem => ({
    id,
    kind: 'file',
    addedBy: 'mette',
    receivedAt: at.toISOString(),
    name: 'x.png',
    size: 1,
    sniffedType: 'image/png',
    sha256: sha.repeat(64),
  });
  const items = [base('e1', 'a'), base('e2', 'b')];

  it('sets link, note (cleaned) and taken-at on the named items only', () => {
    const r = describeEvidence(items, ['e1'], { link: 'https://example.dk/x', note: ' set\u202E her ', takenAt: '2026-12-01T20:15' });
    expect(r.ok && r.items[0]).toMatchObject({
      link: 'https://example.dk/x',
      note: 'set her',
      takenAt: '2026-12-01T20:15',
      sha256: 'a'.repeat(64),
    });
    expect(r.ok && r.items[1]).toEqual(items[1]);
  });

  it('refuses unknown or withdrawn items, no items, and a malformed time', () => {
    expect(describeEvidence(items, ['nope'], {})).toEqual({ ok: false, reason: 'notFound' });
    const w = withdrawEvidence(items, 'e2', 'mette', 'forkert', at);
    expect(w.ok && describeEvidence(w.items, ['e2'], {})).toEqual({ ok: false, reason: 'notFound' });
    expect(describeEvidence(items, [], {})).toEqual({ ok: false, reason: 'invalid' });
    expect(describeEvidence(items, ['e1'], { takenAt: 'i går' })).toEqual({ ok: false, reason: 'invalid' });
  });
});
