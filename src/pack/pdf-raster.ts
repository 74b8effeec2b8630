import { promisify } from 'node:util';
import { deflate as deflateCb } from 'node:zlib';
import type PDFDocument from 'pdfkit';
import { PNG } from 'pngjs';
import { pngChunks } from './png-chunks';
import { splitAlphaPng } from './png-split';

type Pdf = InstanceType<typeof PDFDocument>;
interface Reference {
  data: Record<string, unknown>;
  end(chunk?: Uint8Array): void;
}

/** An image made ready for the PDF without the document: decoding and compressing can run ahead of drawing. */
export type PreparedRaster =
  | { readonly kind: 'jpeg'; readonly bytes: Buffer }
  | {
      readonly kind: 'pixels';
      readonly width: number;
      readonly height: number;
      readonly colors: 1 | 3;
      readonly data: Buffer;
      /** PNG row filters still in the data (Predictor 15): the PNG's own IDAT. */
      readonly predicted: boolean;
      readonly mask?: Buffer;
    };

let counter = 0;
const deflate = promisify(deflateCb);

/**
 * A PNG or JPEG made ready to draw; undefined for anything else.
 *
 * JPEG goes through pdfkit as it is. PNG does not: pdfkit's PNG reader copies the image byte by
 * byte into a JavaScript array (about a second and tens of MB per 2 MB screenshot). A PNG without
 * transparency goes in as its own compressed rows; an 8-bit one with alpha is inflated, unfiltered and split into
 * colour and, only when something is see-through, an alpha mask (png-split.ts, zlib on libuv's threads); anything
 * else (palette, 16-bit, interlaced) is decoded with pngjs.
 */
export async function prepareRaster(bytes: Buffer, type: string): Promise<PreparedRaster | undefined> {
  if (type === 'image/jpeg') return { kind: 'jpeg', bytes };
  if (type !== 'image/png') return undefined;
  const plain = opaquePng(bytes);
  if (plain) return { kind: 'pixels', ...plain, predicted: true };
  const split = await splitAlphaPng(bytes);
  if (split)
    return {
      kind: 'pixels',
      width: split.width,
      height: split.height,
      colors: split.colors,
      data: split.colour,
      predicted: false,
      ...(split.alpha ? { mask: split.alpha } : {}),
    };
  // Palette, 16-bit or interlaced: pngjs decodes it.
  const { width, height, data } = PNG.sync.read(bytes);
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
  const [colour, mask] = await Promise.all([deflate(rgb, { level: 4 }), opaque ? undefined : deflate(alpha, { level: 4 })]);
  return { kind: 'pixels', width, height, colors: 3, data: colour, predicted: false, mask };
}

/** Draws a prepared image into the box, scaled down to fit and centred. */
export function placeRaster(pdf: Pdf, image: PreparedRaster, box: { x: number; y: number; width: number; height: number }): void {
  if (image.kind === 'jpeg') {
    pdf.image(image.bytes, box.x, box.y, { fit: [box.width, box.height], align: 'center' });
    return;
  }
  const { width, height } = image;
  const object = pdf.ref({
    Type: 'XObject',
    Subtype: 'Image',
    Width: width,
    Height: height,
    BitsPerComponent: 8,
    ColorSpace: image.colors === 3 ? 'DeviceRGB' : 'DeviceGray',
    Filter: 'FlateDecode',
    ...(image.predicted ? { DecodeParms: { Predictor: 15, Colors: image.colors, BitsPerComponent: 8, Columns: width } } : {}),
  }) as unknown as Reference;
  if (image.mask) {
    const mask = pdf.ref({
      Type: 'XObject',
      Subtype: 'Image',
      Width: width,
      Height: height,
      BitsPerComponent: 8,
      ColorSpace: 'DeviceGray',
      Filter: 'FlateDecode',
    }) as unknown as Reference;
    mask.end(image.mask);
    object.data.SMask = mask;
  }
  object.end(image.data);

  const label = `EvImg${++counter}`;
  (pdf.page as unknown as { xobjects: Record<string, unknown> }).xobjects[label] = object;
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
  const png = pngChunks(bytes);
  if (!png || png.transparency) return undefined;
  const { width, height, depth, colorType, interlace } = png.ihdr;
  if (depth !== 8 || interlace !== 0 || (colorType !== 0 && colorType !== 2)) return undefined;
  return { width, height, colors: colorType === 2 ? 3 : 1, data: Buffer.concat(png.idat) };
}
