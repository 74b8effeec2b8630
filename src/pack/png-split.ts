import { promisify } from 'node:util';
import { deflate as deflateCb, inflate as inflateCb } from 'node:zlib';
import { pngChunks } from './png-chunks';

const inflate = promisify(inflateCb);
const deflate = promisify(deflateCb);

/** What a PDF needs of a PNG with alpha: the colour and the alpha channel as separate compressed planes. */
export interface SplitPng {
  readonly width: number;
  readonly height: number;
  readonly colors: 1 | 3;
  /** Deflated colour rows, no predictor. */
  readonly colour: Buffer;
  /** Deflated alpha rows; absent when every pixel is opaque. */
  readonly alpha?: Buffer;
}

/**
 * An 8-bit, non-interlaced grey+alpha or RGBA PNG split into colour and alpha, with zlib (libuv's threads) doing the
 * inflating and deflating and one pass of JavaScript undoing the row filters. Undefined for any other PNG (the caller
 * falls back to a full decoder). A PDF image has no alpha channel of its own: the alpha becomes a soft mask.
 */
export async function splitAlphaPng(bytes: Buffer): Promise<SplitPng | undefined> {
  const png = pngChunks(bytes);
  if (!png) return undefined;
  const { depth, colorType, interlace } = png.ihdr;
  if (depth !== 8 || interlace !== 0 || (colorType !== 4 && colorType !== 6)) return undefined;
  const header = { width: png.ihdr.width, height: png.ihdr.height, channels: colorType === 6 ? 4 : 2 } as const;
  const idat = png.idat;
  const { width, height, channels } = header;
  const stride = width * channels;
  const raw = await inflate(idat.length === 1 ? idat[0] : Buffer.concat(idat));
  if (raw.length < (stride + 1) * height) return undefined;
  const colors = channels === 4 ? 3 : 1;
  const colour = Buffer.allocUnsafe(width * height * colors);
  const alpha = Buffer.allocUnsafe(width * height);
  let prev = Buffer.alloc(stride);
  let row = Buffer.allocUnsafe(stride);
  let opaque = true;
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    if (!unfilter(filter, line, prev, row, channels)) return undefined;
    for (let x = 0, c = y * width * colors, a = y * width; x < stride; x += channels, a++) {
      for (let k = 0; k < colors; k++) colour[c++] = row[x + k];
      const v = row[x + channels - 1];
      alpha[a] = v;
      if (v !== 255) opaque = false;
    }
    [prev, row] = [row, prev];
  }
  const [packedColour, packedAlpha] = await Promise.all([deflate(colour, { level: 1 }), opaque ? undefined : deflate(alpha, { level: 1 })]);
  return { width, height, colors, colour: packedColour, ...(packedAlpha ? { alpha: packedAlpha } : {}) };
}

/** PNG's five row filters, undone into `out`. */
function unfilter(filter: number, line: Buffer, prev: Buffer, out: Buffer, bpp: number): boolean {
  const n = line.length;
  switch (filter) {
    case 0:
      line.copy(out);
      return true;
    case 1:
      for (let i = 0; i < n; i++) out[i] = (line[i] + (i >= bpp ? out[i - bpp] : 0)) & 0xff;
      return true;
    case 2:
      for (let i = 0; i < n; i++) out[i] = (line[i] + prev[i]) & 0xff;
      return true;
    case 3:
      for (let i = 0; i < n; i++) out[i] = (line[i] + (((i >= bpp ? out[i - bpp] : 0) + prev[i]) >> 1)) & 0xff;
      return true;
    case 4:
      for (let i = 0; i < n; i++) {
        const a = i >= bpp ? out[i - bpp] : 0;
        const b = prev[i];
        const c = i >= bpp ? prev[i - bpp] : 0;
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        out[i] = (line[i] + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c)) & 0xff;
      }
      return true;
    default:
      return false;
  }
}
