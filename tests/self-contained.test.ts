/**
 * A clone in an empty folder must run on its own: nothing in the repository may read a sibling folder that
 * exists only beside this team's checkouts. The string is built here so this file does not match itself.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const SIBLING = ['..', 'shared'].join('/');

function trackedFiles(): string[] {
  const out = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' });
  return out.split('\0').filter((file) => file !== '' && !file.startsWith('node_modules/'));
}

describe('the repository is self-contained', () => {
  it(`no tracked file refers to ${SIBLING}`, () => {
    const files = trackedFiles();
    expect(files.length).toBeGreaterThan(50);
    const offenders = files.filter((file) => {
      const full = path.join(ROOT, file);
      return fs.existsSync(full) && fs.readFileSync(full, 'utf8').includes(SIBLING);
    });
    expect(offenders).toEqual([]);
  });

  it('the Adaptive Card schema the card tests use is inside the repository, with its licence', () => {
    const dir = path.join(ROOT, 'tests/fixtures/adaptive-card');
    for (const file of ['adaptive-card-1.5.0.json', 'LICENSE', 'README.md']) {
      expect(fs.existsSync(path.join(dir, file))).toBe(true);
    }
    expect(fs.readFileSync(path.join(dir, 'LICENSE'), 'utf8')).toContain('MIT License');
  });
});
