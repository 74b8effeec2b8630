import { promisify } from 'node:util';
import { deflate as deflateCb } from 'node:zlib';
import type PDFDocument from 'pdfkit';
import { PNG } from 'pngjs';

type Pdf = InstanceType<typeof PDFDocument>;
interface Reference {
  data: Record<string, unknown>;
  end(chunk?: Uint8Array): void;
}

let counter = 0;
const deflate = promisify(deflateCb);

/**
 * Draws a PNG or JPEG into the box, scaled to fit and centred; returns false for anything else.
 *
 * JPEG goes through pdfkit as it is. PNG does not: pdfkit's PNG reader copies the image byte by
 * byte into a JavaScript array (seconds and tens of MB per 2 MB screenshot), so the PNG is decoded
 * with pngjs instead and embedded as an RGB image with, only when it has transparency, an alpha mask.
 */
export async function drawRaster(
  pdf: Pdf,
  bytes: Buffer,
  type: string,
  box: { x: number; y: number; width: number; height: number },
): Promise<boolean> {
  if (type === 'image/jpeg') {
    pdf.image(bytes, box.x, box.y, { fit: [box.width, box.height], align: 'center' });
    return true;
  }
  if (type !== 'image/png') return false;
  const plain = opaquePng(bytes);
  if (plain) {
    // Already what a PDF image is: the compressed rows go in as they are, PNG's row filters undone by the reader (Predictor 15).
    const image = pdf.ref({
      Type: 'XObject',
      Subtype: 'Image',
      Width: plain.width,
      Height: plain.height,
      BitsPerComponent: 8,
      ColorSpace: plain.colors === 3 ? 'DeviceRGB' : 'DeviceGray',
      Filter: 'FlateDecode',
      DecodeParms: { Predictor: 15, Colors: plain.colors, BitsPerComponent: 8, Columns: plain.width },
    }) as unknown as Reference;
    image.end(plain.data);
    place(pdf, image, plain.width, plain.height, box);
    return true;
  }
  const png = PNG.sync.read(bytes);
  const { width, height, data } = png;
  const pixels = width * height;
  const rgb = Buffer.allocUnsafe(pixels * 3);
  const alpha = Buffer.allocUnsafe(pixels);
  let opaque = true;
  for (let i = 0, p = 0; i < pixels; i++, p += 4) {
    rgb[i * 3] = data[p];
    rgb[i * 3 + 1] = data[p + 1];
    rgb[i * 3 + 2] = data[p + 2];
    alpha[i] = data[p + 3];
    if (data[p + 3] !== 255) opaque = false;
  }
  // Compressed on libuv's threads, colour and mask at once.
  const [rgbData, alphaData] = await Promise.all([deflate(rgb, { level: 4 }), opaque ? undefined : deflate(alpha, { level: 4 })]);
  const image = pdf.ref({
    Type: 'XObject',
    Subtype: 'Image',
    Width: width,
    Height: height,
    BitsPerComponent: 8,
    ColorSpace: 'DeviceRGB',
    Filter: 'FlateDecode',
  }) as unknown as Reference;
  if (alphaData) {
    const mask = pdf.ref({
      Type: 'XObject',
      Subtype: 'Image',
      Width: width,
      Height: height,
      BitsPerComponent: 8,
      ColorSpace: 'DeviceGray',
      Filter: 'FlateDecode',
    }) as unknown as Reference;
    mask.end(alphaData);
    image.data.SMask = mask;
  }
  image.end(rgbData);
  place(pdf, image, width, height, box);
  return true;
}

function place(
  pdf: Pdf,
  image: Reference,
  width: number,
  height: number,
  box: { x: number; y: number; width: number; height: number },
): void {
  const label = `EvImg${++counter}`;
  (pdf.page as unknown as { xobjects: Record<string, unknown> }).xobjects[label] = image;
  const scale = Math.min(box.width / width, box.height / height, 1);
  const w = width * scale;
  const h = height * scale;
  const x = box.x + (box.width - w) / 2;
  pdf.save();
  pdf.transform(w, 0, 0, -h, x, box.y + h);
  pdf.addContent(`/${label} Do`);
  pdf.restore();
}

/**
 * An 8-bit, non-interlaced grey or RGB PNG without transparency: its IDAT data, which a PDF reader
 * decodes as it is. Anything else (alpha, palette, 16-bit, interlaced) is undefined and gets decoded.
 */
function opaquePng(bytes: Buffer): { width: number; height: number; colors: 1 | 3; data: Buffer } | undefined {
  let at = 8;
  let header: { width: number; height: number; colors: 1 | 3 } | undefined;
  const idat: Buffer[] = [];
  while (at + 12 <= bytes.length) {
    const length = bytes.readUInt32BE(at);
    const kind = bytes.toString('latin1', at + 4, at + 8);
    const data = bytes.subarray(at + 8, at + 8 + length);
    if (data.length !== length) return undefined;
    if (kind === 'IHDR') {
      const [depth, colorType, , , interlace] = data.subarray(8, 13);
      if (depth !== 8 || interlace !== 0 || (colorType !== 0 && colorType !== 2)) return undefined;
      header = { width: data.readUInt32BE(0), height: data.readUInt32BE(4), colors: colorType === 2 ? 3 : 1 };
    } else if (kind === 'tRNS') return undefined;
    else if (kind === 'IDAT') idat.push(data);
    else if (kind === 'IEND') break;
    at += 12 + length;
  }
  if (!header || !idat.length) return undefined;
  return { ...header, data: Buffer.concat(idat) };
}
