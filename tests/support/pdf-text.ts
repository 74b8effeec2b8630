// pdf-parse's index.js runs a self-test when it thinks it is the main module; its library file does not.
// @ts-expect-error no types for the library file
import pdfParse from 'pdf-parse/lib/pdf-parse.js';

/** The text a PDF reader extracts, and its page count. */
export async function pdfText(pdf: Buffer): Promise<{ text: string; pages: number }> {
  const out = (await pdfParse(pdf)) as { text: string; numpages: number };
  return { text: out.text, pages: out.numpages };
}
