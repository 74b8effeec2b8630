import { inflateSync } from 'node:zlib';
import { PNG } from 'pngjs';
import { splitAlphaPng } from '../../src/pack/png-split';

/** A PNG with alpha, written by pngjs with one row filter (0–4) or its adaptive choice (-1). */
function pngWith(colorType: 4 | 6, filterType: number, opaque = false): { bytes: Buffer; rgba: Buffer } {
  const png = new PNG({ width: 37, height: 23 });
  let x = 12345 + filterType;
  for (let i = 0; i < png.data.length; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    png.data[i] = (i & 3) === 3 && opaque ? 255 : (x >> 16) & 0xff;
  }
  if (colorType === 4) for (let i = 0; i < png.data.length; i += 4) png.data[i + 1] = png.data[i + 2] = png.data[i];
  const bytes = PNG.sync.write(png, { colorType, filterType });
  return { bytes, rgba: PNG.sync.read(bytes).data };
}

describe('splitting a PNG with alpha into colour and soft mask', () => {
  it.each([-1, 0, 1, 2, 3, 4])('RGBA with row filter %i: the planes hold exactly the decoded pixels', async (filter) => {
    const { bytes, rgba } = pngWith(6, filter);
    const split = await splitAlphaPng(bytes);
    expect(split).toMatchObject({ width: 37, height: 23, colors: 3 });
    const colour = inflateSync(split?.colour ?? Buffer.alloc(0));
    const alpha = inflateSync(split?.alpha ?? Buffer.alloc(0));
    const expectedColour = Buffer.from(rgba.filter((_, i) => (i & 3) !== 3));
    const expectedAlpha = Buffer.from(rgba.filter((_, i) => (i & 3) === 3));
    expect(colour.equals(expectedColour)).toBe(true);
    expect(alpha.equals(expectedAlpha)).toBe(true);
  });

  it('grey with alpha keeps one colour plane; a fully opaque image gets no mask', async () => {
    const grey = pngWith(4, -1);
    const split = await splitAlphaPng(grey.bytes);
    expect(split?.colors).toBe(1);
    expect(inflateSync(split?.colour ?? Buffer.alloc(0)).equals(Buffer.from(grey.rgba.filter((_, i) => (i & 3) === 0)))).toBe(true);
    const opaque = await splitAlphaPng(pngWith(6, -1, true).bytes);
    expect(opaque?.alpha).toBeUndefined();
  });

  it('leaves PNGs without alpha, and broken ones, to the caller', async () => {
    const rgb = PNG.sync.write(new PNG({ width: 2, height: 2 }), { colorType: 2 });
    expect(await splitAlphaPng(rgb)).toBeUndefined();
    expect(await splitAlphaPng(Buffer.from('not a png at all, just text'))).toBeUndefined();
  });
});
