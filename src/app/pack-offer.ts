/** The case pack's two files: the PDF to read, and the ZIP that holds it with every evidence file and SHA256SUMS. */
export type PackFile = 'pdf' | 'zip';

export const PACK_FILES: readonly PackFile[] = ['pdf', 'zip'];

/** What "Lav sagsmappe" offers: one Teams file consent card per file; the bot builds and uploads a file when it is accepted. */
export interface PackOffer {
  readonly caseId: string;
  readonly files: readonly {
    readonly kind: PackFile;
    /** The name the file gets in the manager's OneDrive. */
    readonly name: string;
    /** An estimate: the file is built when the manager accepts, from the case as it then is. */
    readonly sizeInBytes: number;
  }[];
}

/** The notices of "Gem siden nu" and "Lav sagsmappe" (texts in cards/texts-pack.ts). */
export type PackNoticeCode =
  | 'captureSaved'
  | 'captureLoginWall'
  | 'captureFailed'
  | 'captureRefused'
  | 'captureBusy'
  | 'captureNotStored'
  | 'packOffered'
  | 'packPersonalOnly';

/** What the context of a file consent card carries: which case and which file. Teams sends it back on accept/decline. */
export interface PackConsentContext {
  readonly caseId: string;
  readonly file: PackFile;
}

export function readConsentContext(value: unknown): PackConsentContext | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { caseId, file } = value as { caseId?: unknown; file?: unknown };
  if (typeof caseId !== 'string' || (file !== 'pdf' && file !== 'zip')) return undefined;
  return { caseId, file };
}
