/**
 * Small files named after what they export: no source or card file above 300 lines, so one card action, one adapter or
 * one card stays readable in a sitting. Split a file that grows past it by what its parts do.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const MAX_LINES = 300;

function sources(dir: string): string[] {
  return fs
    .readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)));
}

describe('file size', () => {
  const files = [...sources('src'), ...sources('cards')];

  it('finds the source files', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files).toContain(path.join('src', 'app', 'case-service.ts'));
  });

  it(`no file under src/ or cards/ has more than ${MAX_LINES} lines`, () => {
    const long = files
      .map((file) => ({ file, lines: fs.readFileSync(path.join(ROOT, file), 'utf8').split('\n').length }))
      .filter((f) => f.lines > MAX_LINES);
    expect(long).toEqual([]);
  });
});
