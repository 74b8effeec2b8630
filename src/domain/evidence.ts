import { LIMITS } from './intake';
import type { SniffedType } from './sniff-type';
import { cleanLine, truncate } from './text';

/** What a saved page turned out to be: only `content` documents what the page said. */
export type CaptureOutcome = 'content' | 'loginWall' | 'error';

/** A page fetched by "Gem siden nu": the raw response, kept as the server gave it. */
export interface PageCaptureFacts {
  readonly requestedUrl: string;
  readonly finalUrl: string;
  readonly status: number;
  readonly outcome: CaptureOutcome;
  /** Response headers, lower-case names, as received (Set-Cookie is never kept). */
  readonly headers: Readonly<Record<string, string>>;
  /** Why it is not content: `timeout`, `tooLarge`, `privateAddress`, `tooManyRedirects`, `network`, `http401`… */
  readonly error?: string;
}

export interface Withdrawal {
  readonly at: string;
  readonly by: string;
  readonly reason: string;
}

/**
 * One piece of evidence on a case, as the chain of custody needs it: who added it, when it was
 * received (server time), what it is (cleaned name, size, declared and sniffed type, SHA-256),
 * what it documents, and, if so, when and why it was withdrawn. Never removed from the list.
 */
export interface EvidenceItem {
  /** Unique on the case; the storage key is the hash, so two items may share bytes. */
  readonly id: string;
  readonly kind: 'file' | 'capture';
  /** Directory id of who added it; never a name. */
  readonly addedBy: string;
  readonly receivedAt: string;
  readonly name: string;
  readonly size: number;
  /** The sender's or server's word for the type (Content-Type or the Teams attachment's), unchecked. */
  readonly declaredType?: string;
  readonly sniffedType: SniffedType;
  /** Lower-case hex. */
  readonly sha256: string;
  /** The case link it documents, if any. */
  readonly link?: string;
  readonly note?: string;
  /** When the manager says the screenshot was taken (their statement, not verified). */
  readonly takenAt?: string;
  readonly capture?: PageCaptureFacts;
  readonly withdrawn?: Withdrawal;
}

export const NOTE_MAX = 500;
export const REASON_MAX = 500;

export type AddEvidenceResult =
  | { readonly ok: true; readonly items: readonly EvidenceItem[]; readonly item: EvidenceItem }
  | { readonly ok: false; readonly reason: 'duplicate'; readonly existing: EvidenceItem }
  | { readonly ok: false; readonly reason: 'idTaken' | 'invalid' };

const SHA256 = /^[0-9a-f]{64}$/;

/**
 * Appends an item. The same bytes (same SHA-256, not withdrawn) already on the case are not added
 * again: the caller tells the manager which item holds them.
 */
export function addEvidence(items: readonly EvidenceItem[], item: EvidenceItem): AddEvidenceResult {
  if (!SHA256.test(item.sha256) || !Number.isSafeInteger(item.size) || item.size < 0 || !item.addedBy || !item.id)
    return { ok: false, reason: 'invalid' };
  if (items.some((i) => i.id === item.id)) return { ok: false, reason: 'idTaken' };
  const existing = duplicateOf(items, item);
  if (existing) return { ok: false, reason: 'duplicate', existing };
  const { note: typed, ...rest } = item;
  const note = typed === undefined ? '' : truncate(cleanLine(typed), NOTE_MAX);
  const clean: EvidenceItem = note ? { ...rest, note } : rest;
  return { ok: true, items: [...items, clean], item: clean };
}

/** The item in force that already holds these bytes (a second capture of an unchanged page is not one). */
export function duplicateOf(items: readonly EvidenceItem[], item: EvidenceItem): EvidenceItem | undefined {
  return items.find((i) => i.sha256 === item.sha256 && !i.withdrawn && sameCaptureKind(i, item));
}

/** Two captures of an unchanged page have the same body but are two observations; files are not. */
function sameCaptureKind(a: EvidenceItem, b: EvidenceItem): boolean {
  return a.kind === 'file' && b.kind === 'file';
}

export type WithdrawResult =
  | { readonly ok: true; readonly items: readonly EvidenceItem[] }
  | { readonly ok: false; readonly reason: 'notFound' | 'alreadyWithdrawn' | 'reasonRequired' };

/** Marks an item withdrawn, with who, when and why. The item and its bytes stay with the case. */
export function withdrawEvidence(items: readonly EvidenceItem[], id: string, by: string, reason: string, now: Date): WithdrawResult {
  const why = truncate(cleanLine(reason), REASON_MAX);
  if (!why) return { ok: false, reason: 'reasonRequired' };
  const target = items.find((i) => i.id === id);
  if (!target) return { ok: false, reason: 'notFound' };
  if (target.withdrawn) return { ok: false, reason: 'alreadyWithdrawn' };
  const withdrawal: Withdrawal = { at: now.toISOString(), by, reason: why };
  return { ok: true, items: items.map((i) => (i.id === id ? { ...i, withdrawn: withdrawal } : i)) };
}

/** What the manager says about items: the case link (or a new one) they document, a note, when they were taken. */
export interface EvidenceAbout {
  readonly link?: string;
  readonly note?: string;
  readonly takenAt?: string;
}

/** Items one description may name (a message holds at most 20 files; this is the safety bound). */
export const DESCRIBE_MAX = 100;

export type DescribeResult =
  | { readonly ok: true; readonly items: readonly EvidenceItem[] }
  | { readonly ok: false; readonly reason: 'notFound' | 'invalid' };

/**
 * Sets the manager's statements on items still in force. The bytes, hash, time received and sender never change;
 * the audit trail records who described what and when.
 */
export function describeEvidence(items: readonly EvidenceItem[], ids: readonly string[], about: EvidenceAbout): DescribeResult {
  if (!ids.length || ids.length > DESCRIBE_MAX) return { ok: false, reason: 'invalid' };
  const targets = new Set(ids);
  if (items.filter((i) => targets.has(i.id) && !i.withdrawn).length !== targets.size) return { ok: false, reason: 'notFound' };
  const note = about.note === undefined ? '' : truncate(cleanLine(about.note), NOTE_MAX);
  const link = about.link === undefined ? '' : cleanLine(about.link);
  if (link.length > LIMITS.url || (about.takenAt !== undefined && Number.isNaN(Date.parse(about.takenAt))))
    return { ok: false, reason: 'invalid' };
  const set = { ...(link ? { link } : {}), ...(note ? { note } : {}), ...(about.takenAt ? { takenAt: about.takenAt } : {}) };
  return { ok: true, items: items.map((i) => (targets.has(i.id) ? { ...i, ...set } : i)) };
}

/** Items still in force, in the order received. */
export function activeEvidence(items: readonly EvidenceItem[]): EvidenceItem[] {
  return items.filter((i) => !i.withdrawn);
}

/** The 16 hex digits shown on a card; the full hash is in the pack. */
export function shortHash(sha256: string): string {
  return sha256.slice(0, 16);
}

/** Distinct stored bytes on the case: what counts towards the case limit (the same bytes are stored once). */
export function storedBytes(items: readonly EvidenceItem[]): number {
  const seen = new Map<string, number>();
  for (const i of items) seen.set(i.sha256, i.size);
  let total = 0;
  for (const size of seen.values()) total += size;
  return total;
}
