import type { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PackDocument, PackEvidenceRow } from '../domain/case-pack';

/** The case pack files written from the pack document and the evidence bytes (the port src/app/case-pack-service.ts uses). */
export class LazyPackWriter {
  /** The PDF into `out`; `image` gives an appendix image's bytes. */
  async pdf(doc: PackDocument, image: (row: PackEvidenceRow) => Promise<Buffer | undefined>, out: Writable): Promise<void> {
    const { casePackPdf } = await load();
    await pipeline(casePackPdf(doc, image), out);
  }

  /** The ZIP holding the PDF, every evidence file, the saved pages and SHA256SUMS, into `out`. */
  async zip(
    doc: PackDocument,
    image: (row: PackEvidenceRow) => Promise<Buffer | undefined>,
    open: (row: PackEvidenceRow) => Promise<Readable | undefined>,
    now: Date,
    out: Writable,
  ): Promise<void> {
    const { casePackPdf, writeCasePackZip } = await load();
    await writeCasePackZip({ doc, pdf: () => casePackPdf(doc, image), open, now }, out);
  }
}

/** Loaded on first use: pdfkit (with its font metrics) and yazl cost every instance memory from start otherwise. */
async function load() {
  const [{ casePackPdf }, { writeCasePackZip }] = await Promise.all([import('./case-pack-pdf'), import('./case-pack-zip')]);
  return { casePackPdf, writeCasePackZip };
}
