import type { RgbaImage } from './png';

/** The app's accent colour (manifest `accentColor`, and the colour icon's background). */
export const ACCENT_COLOR = '#1F6F8B';
/** The back figure's tint on the colour icon. */
const BACK_TINT = '#A9DCEA';

type Sdf = (x: number, y: number) => number;

const circle =
  (cx: number, cy: number, r: number): Sdf =>
  (x, y) =>
    Math.hypot(x - cx, y - cy) - r;

/** A rounded rectangle (centre, half size, corner radius), cut flat at `bottom`. */
const shoulders =
  (cx: number, cy: number, hw: number, hh: number, r: number, bottom: number): Sdf =>
  (x, y) => {
    const qx = Math.abs(x - cx) - hw + r;
    const qy = Math.abs(y - cy) - hh + r;
    const box = Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
    return Math.max(box, y - bottom);
  };

const union =
  (a: Sdf, b: Sdf): Sdf =>
  (x, y) =>
    Math.min(a(x, y), b(x, y));

/** A person seen from the front: head and shoulders, `s` = size, (cx, cy) = centre of the head. */
function person(cx: number, cy: number, s: number): Sdf {
  return union(circle(cx, cy, 0.15 * s), shoulders(cx, cy + 0.43 * s, 0.27 * s, 0.2 * s, 0.2 * s, cy + 0.56 * s));
}

/**
 * The mark: one person standing in front, a second close behind and to the side – someone who has your back.
 * In unit coordinates (0..1, y down); the back figure is cut away around the front one so the two read apart.
 */
const FRONT = person(0.585, 0.38, 1);
const BACK_FULL = person(0.355, 0.32, 0.8);
const GAP = 0.045;
const BACK: Sdf = (x, y) => Math.max(BACK_FULL(x, y), -(FRONT(x, y) - GAP));
/** Centre of the mark's bounding box (x 0.14–0.86, y 0.20–0.94), placed at the icon's centre. */
const CENTRE_X = 0.497;
const CENTRE_Y = 0.57;

/**
 * Fraction of the pixel (px, py) inside `shape`, by n×n supersampling; `scale` maps the mark onto the icon.
 * The distance bounds above never overstate the distance to the edge, so a pixel whose centre is further from
 * the edge than half its diagonal is wholly inside or outside, and is not sampled.
 */
function coverage(shape: Sdf, px: number, py: number, size: number, scale: number, n = 6): number {
  const centre = shape(((px + 0.5) / size - 0.5) / scale + CENTRE_X, ((py + 0.5) / size - 0.5) / scale + CENTRE_Y);
  const halfDiagonal = Math.SQRT1_2 / (size * scale);
  if (centre > halfDiagonal) return 0;
  if (centre < -halfDiagonal) return 1;
  let inside = 0;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      const u = ((px + (i + 0.5) / n) / size - 0.5) / scale + CENTRE_X;
      const v = ((py + (j + 0.5) / n) / size - 0.5) / scale + CENTRE_Y;
      if (shape(u, v) <= 0) inside++;
    }
  return inside / (n * n);
}

function rgb(hex: string): [number, number, number] {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`bad colour ${hex}`);
  return [Number.parseInt(m[1] as string, 16), Number.parseInt(m[2] as string, 16), Number.parseInt(m[3] as string, 16)];
}

/** The 192×192 full-colour icon: the mark in white and a light tint on the accent colour, no transparency. */
export function colorIcon(size = 192): RgbaImage {
  const data = new Uint8Array(size * size * 4);
  const bg = rgb(ACCENT_COLOR);
  const back = rgb(BACK_TINT);
  const scale = 0.74;
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const b = coverage(BACK, x, y, size, scale);
      const f = coverage(FRONT, x, y, size, scale);
      const o = (y * size + x) * 4;
      for (let c = 0; c < 3; c++) {
        const under = (bg[c] as number) * (1 - b) + (back[c] as number) * b;
        data[o + c] = Math.round(under * (1 - f) + 255 * f);
      }
      data[o + 3] = 255;
    }
  return { width: size, height: size, data };
}

/** The 32×32 outline icon: the mark in pure white on full transparency (edges anti-aliased by alpha only). */
export function outlineIcon(size = 32): RgbaImage {
  const data = new Uint8Array(size * size * 4);
  const mark = union(FRONT, BACK);
  const scale = 1.16;
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const a = Math.round(coverage(mark, x, y, size, scale, 8) * 255);
      const o = (y * size + x) * 4;
      if (a > 0) data.set([255, 255, 255, a], o);
    }
  return { width: size, height: size, data };
}
