import PDFDocument from 'pdfkit';
import type { PackBlock, PackDocument, PackEvidenceRow } from '../domain/case-pack';
import { placeRaster, prepareRaster } from './pdf-raster';

/** The bytes of an image to draw in the appendix, or undefined when they cannot be read. */
export type LoadImage = (row: PackEvidenceRow) => Promise<Buffer | undefined>;

const MARGIN = 50;
const FONT = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const MONO = 'Courier';

/**
 * The case pack as a PDF (pdfkit), streamed: the returned document is a Readable that emits the
 * file while it is drawn, one appendix image in memory at a time.
 *
 * The PDF's built-in fonts are used, so nothing is downloaded or shipped; their WinAnsi encoding
 * covers Danish (æøå ÆØÅ é ü …). Characters outside it are transliterated or shown as "?".
 */
export function casePackPdf(doc: PackDocument, loadImage: LoadImage): PDFKit.PDFDocument {
  const pdf = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    info: { Title: winAnsi(doc.title), Creator: 'Opbakning', Producer: 'Opbakning' },
    lang: 'da-DK',
  });
  draw(pdf, doc, loadImage).catch((e: unknown) => pdf.emit('error', e));
  return pdf;
}

/** The whole PDF in memory: for tests and small packs. */
export async function casePackPdfBuffer(doc: PackDocument, loadImage: LoadImage): Promise<Buffer> {
  const pdf = casePackPdf(doc, loadImage);
  const chunks: Buffer[] = [];
  for await (const chunk of pdf) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function draw(pdf: PDFKit.PDFDocument, doc: PackDocument, loadImage: LoadImage): Promise<void> {
  const width = pdf.page.width - 2 * MARGIN;
  pdf.font(BOLD).fontSize(18).text(winAnsi(doc.title));
  pdf.font(FONT).fontSize(9).fillColor('#555555').text(winAnsi(doc.generated)).fillColor('black').moveDown();
  for (const [n, section] of doc.sections.entries()) {
    if (n > 0) heading(pdf, section.heading);
    for (const block of section.blocks) drawBlock(pdf, block, width);
    pdf.moveDown();
  }

  heading(pdf, doc.evidenceHeading);
  if (!doc.evidence.length) pdf.font(FONT).fontSize(10).text(winAnsi(doc.evidenceEmpty));
  for (const row of doc.evidence) {
    keepTogether(pdf, 140);
    const title = `${row.number}. ${row.item.name}${row.item.withdrawn ? ` – ${doc.withdrawnLabel}` : ''}`;
    pdf
      .font(BOLD)
      .fontSize(10)
      .fillColor(row.item.withdrawn ? '#8a1c1c' : 'black')
      .text(winAnsi(title))
      .fillColor('black');
    for (const f of row.fields) {
      pdf
        .font(BOLD)
        .fontSize(8)
        .text(`${winAnsi(f.label)}: `, { continued: true });
      pdf
        .font(f.label === 'SHA-256' ? MONO : FONT)
        .fontSize(8)
        .text(winAnsi(f.value), { width });
    }
    pdf.moveDown(0.5);
  }

  const images = doc.evidence.filter((r) => r.embedImage);
  // The next image is read and decoded while the current one is drawn: at most two in memory.
  const prepare = (row: PackEvidenceRow) =>
    (async () => {
      if (row.item.sniffedType !== 'image/png' && row.item.sniffedType !== 'image/jpeg') return undefined;
      const bytes = await loadImage(row);
      return bytes ? await prepareRaster(bytes, row.item.sniffedType) : undefined;
    })().catch(() => undefined); // A damaged file: listed, not drawn.
  let next = images.length ? prepare(images[0]) : undefined;
  for (const [n, row] of images.entries()) {
    const ready = await next;
    next = n + 1 < images.length ? prepare(images[n + 1]) : undefined;
    if (n === 0) {
      pdf.addPage();
      heading(pdf, doc.appendixHeading);
    } else pdf.addPage();
    pdf
      .font(BOLD)
      .fontSize(10)
      .text(winAnsi(`${row.number}. ${row.item.name}`));
    pdf.font(MONO).fontSize(7).text(`SHA-256 ${row.item.sha256}`).moveDown(0.5);
    let drawn = false;
    try {
      if (ready) {
        placeRaster(pdf, ready, { x: MARGIN, y: pdf.y, width, height: pdf.page.height - pdf.y - MARGIN - 20 });
        drawn = true;
      }
    } catch {
      // Data pdfkit cannot embed: listed, not drawn.
    }
    if (!drawn) pdf.font(FONT).fontSize(10).text(winAnsi(doc.imageNotShown));
  }

  const range = pdf.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    const bottom = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0;
    pdf
      .font(FONT)
      .fontSize(8)
      .fillColor('#555555')
      .text(winAnsi(`${doc.title} · ${doc.pageLabel} ${i + 1}/${range.count}`), MARGIN, pdf.page.height - 35, { width, align: 'center' });
    pdf.page.margins.bottom = bottom;
  }
  pdf.end();
}

function heading(pdf: PDFKit.PDFDocument, text: string): void {
  keepTogether(pdf, 80);
  pdf.font(BOLD).fontSize(14).fillColor('black').text(winAnsi(text), MARGIN).moveDown(0.3);
}

function drawBlock(pdf: PDFKit.PDFDocument, block: PackBlock, width: number): void {
  switch (block.kind) {
    case 'field':
      pdf
        .font(BOLD)
        .fontSize(10)
        .text(`${winAnsi(block.label)}: `, { continued: true });
      pdf.font(FONT).fontSize(10).text(winAnsi(block.value), { width });
      return;
    case 'subheading':
      pdf.moveDown(0.3).font(BOLD).fontSize(10).text(winAnsi(block.text));
      return;
    case 'bullet':
      pdf
        .font(FONT)
        .fontSize(10)
        .text(`• ${winAnsi(block.text)}`, { indent: 10, width });
      return;
    case 'text':
      pdf.font(FONT).fontSize(10).text(winAnsi(block.text), { width });
      return;
  }
}

function keepTogether(pdf: PDFKit.PDFDocument, height: number): void {
  if (pdf.y + height > pdf.page.height - pdf.page.margins.bottom) pdf.addPage();
}

/** Characters WinAnsi (Windows-1252) has beyond Latin-1. */
const CP1252_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const SUBSTITUTES: Record<string, string> = {
  '→': '->',
  '←': '<-',
  '✔': '[x]',
  '✓': '[x]',
  '−': '-',
  '‐': '-',
  '\u00a0': ' ',
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ı: 'i',
};

/** Text the built-in fonts can draw: Latin-1 and WinAnsi as is, accents kept where they decompose, "?" for the rest. */
export function winAnsi(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const code = ch.codePointAt(0) ?? 0;
    if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || CP1252_EXTRA.has(ch) || ch === '\n') out += ch;
    else if (SUBSTITUTES[ch] !== undefined) out += SUBSTITUTES[ch];
    else if (code === 0x09) out += ' ';
    else if (code < 0x20 || (code >= 0x7f && code < 0xa0)) continue;
    else {
      const base = ch.normalize('NFD').replace(/\p{M}/gu, '');
      out += base && [...base].every((c) => (c.codePointAt(0) ?? 0) < 0x100) ? base : '?';
    }
  }
  return out;
}
