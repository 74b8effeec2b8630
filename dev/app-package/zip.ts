import AdmZip from 'adm-zip';

/** One file in a ZIP archive. Names use forward slashes and no leading slash. */
export interface ZipEntry {
  readonly name: string;
  readonly data: Uint8Array;
}

/** A fixed timestamp, so the same inputs always give the same archive. */
const FIXED_TIME = new Date(2026, 0, 1, 0, 0, 0);

function checkName(name: string): void {
  if (!name || name.startsWith('/') || name.includes('\\') || name.split('/').some((p) => p === '..' || p === ''))
    throw new Error(`bad ZIP entry name "${name}"`);
}

/**
 * The app package archive (adm-zip), in the order given and byte for byte the same for the same entries.
 * Refuses names that climb out of the archive and a name given twice, which adm-zip would silently replace.
 */
export function writeZip(entries: readonly ZipEntry[]): Buffer {
  const seen = new Set<string>();
  const zip = new AdmZip({ noSort: true });
  for (const entry of entries) {
    checkName(entry.name);
    if (seen.has(entry.name)) throw new Error(`ZIP entry "${entry.name}" is there twice`);
    seen.add(entry.name);
    zip.addFile(entry.name, Buffer.from(entry.data));
    const added = zip.getEntry(entry.name);
    if (added) added.header.time = FIXED_TIME;
  }
  return zip.toBuffer();
}

/** Reads an archive: entries in central-directory order; adm-zip checks each entry's size and CRC-32. */
export function readZip(zip: Uint8Array): ZipEntry[] {
  const archive = new AdmZip(Buffer.from(zip), { noSort: true });
  return archive.getEntries().map((entry) => {
    const data = entry.getData();
    if (data.length !== entry.header.size) throw new Error(`"${entry.entryName}" has the wrong size`);
    return { name: entry.entryName, data };
  });
}
