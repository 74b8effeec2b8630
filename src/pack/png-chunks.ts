/** What a PNG's chunks say, read without decoding: the header, the image data in order, and whether it has tRNS. */
export interface PngChunks {
  readonly ihdr: {
    readonly width: number;
    readonly height: number;
    readonly depth: number;
    readonly colorType: number;
    readonly interlace: number;
  };
  readonly idat: readonly Buffer[];
  /** A tRNS chunk: transparency without an alpha channel. */
  readonly transparency: boolean;
}

/** The chunks of a PNG up to IEND; undefined when a chunk is cut short or the header or image data is missing. */
export function pngChunks(bytes: Buffer): PngChunks | undefined {
  let at = 8;
  let ihdr: PngChunks['ihdr'] | undefined;
  let transparency = false;
  const idat: Buffer[] = [];
  while (at + 12 <= bytes.length) {
    const length = bytes.readUInt32BE(at);
    const kind = bytes.toString('latin1', at + 4, at + 8);
    const data = bytes.subarray(at + 8, at + 8 + length);
    if (data.length !== length) return undefined;
    if (kind === 'IHDR') {
      if (length < 13) return undefined;
      const [depth = 0, colorType = 0, , , interlace = 0] = data.subarray(8, 13);
      ihdr = { width: data.readUInt32BE(0), height: data.readUInt32BE(4), depth, colorType, interlace };
    } else if (kind === 'tRNS') transparency = true;
    else if (kind === 'IDAT') idat.push(data);
    else if (kind === 'IEND') break;
    at += 12 + length;
  }
  return ihdr && idat.length ? { ihdr, idat, transparency } : undefined;
}
