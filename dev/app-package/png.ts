import { PNG } from 'pngjs';

/** An 8-bit RGBA image, rows top to bottom, 4 bytes per pixel. */
export interface RgbaImage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

/** What a PNG's header says, plus its pixels as RGBA. */
export interface DecodedPng extends RgbaImage {
  readonly bitDepth: number;
  readonly colorType: number;
}

/** Encodes an RGBA image as an 8-bit truecolour-with-alpha PNG (pngjs). */
export function encodePng(image: RgbaImage): Buffer {
  const { width, height, data } = image;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) throw new Error('PNG size must be positive');
  if (data.length !== width * height * 4) throw new Error(`PNG data has ${data.length} bytes; expected ${width * height * 4}`);
  const png = new PNG({ width, height, colorType: 6, bitDepth: 8 });
  Buffer.from(data.buffer, data.byteOffset, data.length).copy(png.data);
  return PNG.sync.write(png, { colorType: 6, bitDepth: 8, deflateLevel: 9 });
}

/** Decodes a PNG with pngjs, which checks every chunk's CRC: its header's bit depth and colour type, and its pixels as RGBA. */
export function decodePng(png: Uint8Array): DecodedPng {
  let decoded: ReturnType<typeof PNG.sync.read>;
  try {
    decoded = PNG.sync.read(Buffer.from(png));
  } catch (e) {
    // pngjs's synchronous reader reports a bad CRC as "unrecognised content at end of stream"; say what it is.
    throw new Error(`not a valid PNG (damaged or truncated): ${(e as Error).message}`, { cause: e });
  }
  return { width: decoded.width, height: decoded.height, bitDepth: decoded.depth, colorType: decoded.colorType, data: decoded.data };
}
