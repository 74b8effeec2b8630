import { createHash } from 'node:crypto';
import { PassThrough, type Readable, Transform, type TransformCallback, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ZipFile } from 'yazl';
import type { PackDocument, PackEvidenceRow } from '../domain/case-pack';

export interface CasePackZipInput {
  readonly doc: PackDocument;
  /** The PDF, made when the ZIP reaches it (casePackPdf). */
  readonly pdf: () => Readable;
  /** The stored bytes of an evidence item (EvidencePort.open). */
  readonly open: (row: PackEvidenceRow) => Promise<Readable | undefined>;
  readonly now: Date;
}

export interface ZippedFile {
  readonly path: string;
  readonly sha256: string;
  readonly size: number;
}

export class EvidenceIntegrityError extends Error {
  constructor(
    readonly path: string,
    readonly reason: 'missing' | 'changed',
  ) {
    super(`evidence ${reason}: ${path}`);
    this.name = 'EvidenceIntegrityError';
  }
}

export const SUMS_FILE = 'SHA256SUMS';

/**
 * The case pack as a ZIP (yazl), streamed to `out` one file at a time: the PDF, every evidence file
 * under its clean name, each saved page with a text file of its response headers, and `SHA256SUMS`
 * (as `sha256sum -c` reads it) hashed from the bytes actually written. A stored file whose bytes no
 * longer match the hash recorded when it was received stops the pack: it would not be evidence.
 */
export async function writeCasePackZip(input: CasePackZipInput, out: Writable): Promise<ZippedFile[]> {
  const { doc } = input;
  const zip = new ZipFile();
  const files: ZippedFile[] = [];
  const mtime = input.now;
  let failure: unknown;
  const fail = (e: unknown) => {
    failure ??= e;
    (zip.outputStream as PassThrough).destroy(e instanceof Error ? e : new Error(String(e)));
  };
  zip.on('error', fail);

  const add = (path: string, source: () => Promise<Readable>, expected?: string, compress = false) => {
    zip.addReadStreamLazy(path, { mtime, compress }, (cb) => {
      source().then(
        (stream) => {
          const hashed = hashing(path, expected, files);
          stream.on('error', (e) => hashed.destroy(e));
          hashed.on('error', fail);
          cb(null, stream.pipe(hashed));
        },
        (e: unknown) => fail(e),
      );
    });
  };

  add(`${doc.fileStem}.pdf`, async () => input.pdf());
  for (const row of doc.evidence) {
    add(
      row.zipPath,
      async () => {
        const stream = await input.open(row);
        if (!stream) throw new EvidenceIntegrityError(row.zipPath, 'missing');
        return stream;
      },
      row.item.sha256,
    );
    if (row.item.capture) {
      const c = row.item.capture;
      const text = [
        `${c.status} ${c.finalUrl}`,
        `requested: ${c.requestedUrl}`,
        `outcome: ${c.outcome}${c.error ? ` (${c.error})` : ''}`,
        '',
      ]
        .concat(Object.entries(c.headers).map(([k, v]) => `${k}: ${v}`))
        .join('\n');
      add(
        `${row.zipPath.replace(/\.[^./]+$/, '')}.headers.txt`,
        async () => bufferStream(Buffer.from(`${text}\n`, 'utf8')),
        undefined,
        true,
      );
    }
  }
  // Added last and made last: by then every other file has passed through its hash.
  zip.addReadStreamLazy(SUMS_FILE, { mtime, compress: true }, (cb) => {
    const sums = files.map((f) => `${f.sha256}  ${f.path}\n`).join('');
    cb(null, bufferStream(Buffer.from(sums, 'utf8')));
  });
  zip.end();
  try {
    await pipeline(zip.outputStream as Readable, out);
  } catch (e) {
    throw failure ?? e;
  }
  if (failure) throw failure;
  return files;
}

function hashing(path: string, expected: string | undefined, files: ZippedFile[]): Transform {
  const hash = createHash('sha256');
  let size = 0;
  return new Transform({
    transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback) {
      hash.update(chunk);
      size += chunk.byteLength;
      cb(null, chunk);
    },
    flush(cb: TransformCallback) {
      const sha256 = hash.digest('hex');
      if (expected && sha256 !== expected) return cb(new EvidenceIntegrityError(path, 'changed'));
      files.push({ path, sha256, size });
      cb();
    },
  });
}

function bufferStream(buffer: Buffer): Readable {
  const s = new PassThrough();
  s.end(buffer);
  return s;
}
