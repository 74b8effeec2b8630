import { deflateSync, inflateSync } from 'node:zlib';
import { crc32 } from './crc32';

/** An 8-bit RGBA image, rows top to bottom, 4 bytes per pixel. */
export interface RgbaImage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Uint8Array): Buffer {
  const typeBytes = Buffer.from(type, 'latin1');
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  typeBytes.copy(out, 4);
  Buffer.from(data).copy(out, 8);
  out.writeUInt32BE(crc32(typeBytes, data), 8 + data.length);
  return out;
}

/** Encodes an RGBA image as a PNG: signature, IHDR (colour type 6, 8 bits), one IDAT, IEND. */
export function encodePng(image: RgbaImage): Buffer {
  const { width, height, data } = image;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) throw new Error('PNG size must be positive');
  if (data.length !== width * height * 4) throw new Error(`PNG data has ${data.length} bytes; expected ${width * height * 4}`);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: truecolour with alpha
  ihdr[10] = 0; // compression: deflate
  ihdr[11] = 0; // filter method 0
  ihdr[12] = 0; // no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter type None
    Buffer.from(data.buffer, data.byteOffset + y * stride, stride).copy(raw, y * (stride + 1) + 1);
  }
  return Buffer.concat([SIGNATURE, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

/** What a PNG's IHDR says, plus its pixels as RGBA. */
export interface DecodedPng extends RgbaImage {
  readonly bitDepth: number;
  readonly colorType: number;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/**
 * Decodes a non-interlaced 8-bit RGBA (type 6) or RGB (type 2) PNG, checking every chunk's CRC.
 * Enough to check the icons this project writes (and what an editor might save instead).
 */
export function decodePng(png: Uint8Array): DecodedPng {
  const buf = Buffer.from(png);
  if (buf.length < 8 || !buf.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG (bad signature)');
  let pos = 8;
  let header: { width: number; height: number; bitDepth: number; colorType: number; interlace: number } | undefined;
  const idat: Buffer[] = [];
  let ended = false;
  while (pos < buf.length && !ended) {
    if (pos + 12 > buf.length) throw new Error('truncated PNG chunk');
    const length = buf.readUInt32BE(pos);
    const type = buf.toString('latin1', pos + 4, pos + 8);
    const data = buf.subarray(pos + 8, pos + 8 + length);
    if (data.length !== length) throw new Error(`truncated ${type} chunk`);
    if (buf.readUInt32BE(pos + 8 + length) !== crc32(buf.subarray(pos + 4, pos + 8), data)) throw new Error(`bad CRC in ${type} chunk`);
    if (type === 'IHDR')
      header = {
        width: data.readUInt32BE(0),
        height: data.readUInt32BE(4),
        bitDepth: data[8] as number,
        colorType: data[9] as number,
        interlace: data[12] as number,
      };
    else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') ended = true;
    pos += 12 + length;
  }
  if (!header) throw new Error('PNG has no IHDR');
  if (!ended) throw new Error('PNG has no IEND');
  const { width, height, bitDepth, colorType, interlace } = header;
  if (bitDepth !== 8 || (colorType !== 6 && colorType !== 2) || interlace !== 0)
    throw new Error(`unsupported PNG (bit depth ${bitDepth}, colour type ${colorType}, interlace ${interlace})`);
  const channels = colorType === 6 ? 4 : 3;
  const stride = width * channels;
  const raw = inflateSync(Buffer.concat(idat));
  if (raw.length !== (stride + 1) * height) throw new Error('PNG image data has the wrong size');
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)] as number;
    const src = y * (stride + 1) + 1;
    const row = y * stride;
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? (pixels[row + x - channels] as number) : 0;
      const b = y > 0 ? (pixels[row - stride + x] as number) : 0;
      const c = x >= channels && y > 0 ? (pixels[row - stride + x - channels] as number) : 0;
      const v = raw[src + x] as number;
      let out: number;
      if (filter === 0) out = v;
      else if (filter === 1) out = v + a;
      else if (filter === 2) out = v + b;
      else if (filter === 3) out = v + ((a + b) >> 1);
      else if (filter === 4) out = v + paeth(a, b, c);
      else throw new Error(`bad PNG filter type ${filter}`);
      pixels[row + x] = out & 0xff;
    }
  }
  let data: Uint8Array = pixels;
  if (channels === 3) {
    data = new Uint8Array(width * height * 4);
    for (let i = 0; i < width * height; i++) {
      data[i * 4] = pixels[i * 3] as number;
      data[i * 4 + 1] = pixels[i * 3 + 1] as number;
      data[i * 4 + 2] = pixels[i * 3 + 2] as number;
      data[i * 4 + 3] = 255;
    }
  }
  return { width, height, bitDepth, colorType, data };
}
