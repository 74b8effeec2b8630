import { ID } from '../domain/policy-schema';

/** The case pack's two files: the PDF to read, and the ZIP that holds it with every evidence file and SHA256SUMS. */
export type PackFile = 'pdf' | 'zip';

export const PACK_FILES: readonly PackFile[] = ['pdf', 'zip'];

/** What "Lav sagsmappe" offers: one Teams file consent card per file; the bot builds and uploads a file when it is accepted. */
export interface PackOffer {
  readonly caseId: string;
  /** The plan actions whose drafts the manager chose to include in the PDF. */
  readonly drafts: readonly string[];
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

/** The input on the case card that holds the chosen drafts (a multi-select: action ids, comma-separated). */
export const PACK_DRAFTS_INPUT = 'packDrafts';

/** At most this many drafts in one pack; ids as the policy writes them. */
export const MAX_DRAFTS = 30;

/**
 * What the context of a file consent card carries: which case, which file and which drafts. Teams sends it back on
 * accept/decline, so it is read as untrusted; the drafts are checked against the case again when the file is built.
 */
export interface PackConsentContext {
  readonly caseId: string;
  readonly file: PackFile;
  readonly drafts: readonly string[];
}

export function readConsentContext(value: unknown): PackConsentContext | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { caseId, file, drafts } = value as { caseId?: unknown; file?: unknown; drafts?: unknown };
  if (typeof caseId !== 'string' || (file !== 'pdf' && file !== 'zip')) return undefined;
  if (drafts === undefined) return { caseId, file, drafts: [] };
  if (!Array.isArray(drafts) || drafts.length > MAX_DRAFTS || !drafts.every((d) => typeof d === 'string' && ID.test(d))) return undefined;
  return { caseId, file, drafts: [...new Set(drafts as string[])] };
}
