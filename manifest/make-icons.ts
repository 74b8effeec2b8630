/**
 * Draws the app icons and writes them next to this file: color.png (192×192, full colour) and
 * outline.png (32×32, white on transparent). The PNGs are committed; run this only after changing the mark
 * in dev/app-package/icons.ts. Encodes with pngjs (through dev/app-package/png.ts).
 *
 *   npx tsc --outDir .local/make-icons --rootDir . --module commonjs --target es2022 --types node --strict \
 *     --skipLibCheck manifest/make-icons.ts && node .local/make-icons/manifest/make-icons.js
 *
 * (run from the repository root; tests/manifest checks that the committed PNGs match what this draws).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { colorIcon, outlineIcon } from '../dev/app-package/icons';
import { encodePng } from '../dev/app-package/png';

/** Writes both icons into `dir` and returns their paths. */
export function writeIcons(dir: string): { color: string; outline: string } {
  const color = join(dir, 'color.png');
  const outline = join(dir, 'outline.png');
  writeFileSync(color, encodePng(colorIcon()));
  writeFileSync(outline, encodePng(outlineIcon()));
  return { color, outline };
}

if (require.main === module) {
  const written = writeIcons(join(process.cwd(), 'manifest'));
  process.stdout.write(`wrote ${written.color} and ${written.outline}\n`);
}
