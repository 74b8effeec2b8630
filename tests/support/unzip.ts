import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, normalize } from 'node:path';
import yauzl from 'yauzl';

/** Unzips into `dir` with yauzl (it refuses absolute and `..` paths); returns the paths in the archive, in order. */
export async function unzipTo(zipFile: string, dir: string): Promise<string[]> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(zipFile, { lazyEntries: true, strictFileNames: true }, (e, z) => (e ? reject(e) : resolve(z))),
  );
  const names: string[] = [];
  await new Promise<void>((resolve, reject) => {
    zip.on('error', reject);
    zip.on('end', resolve);
    zip.on('entry', (entry: yauzl.Entry) => {
      names.push(entry.fileName);
      zip.openReadStream(entry, async (e, stream) => {
        if (e) return reject(e);
        const chunks: Buffer[] = [];
        for await (const c of stream) chunks.push(c as Buffer);
        const target = normalize(join(dir, entry.fileName));
        await mkdir(dirname(target), { recursive: true });
        await writeFile(target, Buffer.concat(chunks));
        zip.readEntry();
      });
    });
    zip.readEntry();
  });
  return names;
}
