// pdf-parse's index.js runs a self-test when it thinks it is the main module; its library file does not.
// @ts-expect-error no types for the library file
import pdfParse from 'pdf-parse/lib/pdf-parse.js';

/** The text a PDF reader extracts, and its page count. */
export async function pdfText(pdf: Buffer): Promise<{ text: string; pages: number }> {
  const out = (await pdfParse(pdf)) as { text: string; numpages: number };
  return { text: out.text, pages: out.numpages };
}

// The pdf.js build pdf-parse ships, to decode the images a PDF draws as a reader would.
// @ts-expect-error no types for the bundled pdf.js
import * as PDFJS from 'pdf-parse/lib/pdf.js/v1.10.100/build/pdf.js';

export interface DrawnImage {
  readonly page: number;
  readonly width: number;
  readonly height: number;
  /** 2: RGB, 3: RGBA (the image with its alpha mask applied), 1: grey. */
  readonly kind: number;
  readonly data: Uint8Array;
}

/** Every image the PDF draws, decoded by pdf.js: proves the embedded data is what a reader shows. */
export async function pdfImages(pdf: Buffer): Promise<DrawnImage[]> {
  PDFJS.disableWorker = true;
  const doc = await PDFJS.getDocument(new Uint8Array(pdf));
  const out: DrawnImage[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const ops = await page.getOperatorList();
    for (let i = 0; i < ops.fnArray.length; i++)
      if (ops.fnArray[i] === PDFJS.OPS.paintImageXObject) {
        const img = page.objs.get(ops.argsArray[i][0]);
        out.push({ page: n, width: img.width, height: img.height, kind: img.kind, data: img.data });
      }
  }
  return out;
}
