import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, type Readable, type Writable } from 'node:stream';
import { canSee } from '../domain/case';
import { casePackDocument, type PackDocument, type PackEvidenceRow } from '../domain/case-pack';
import { draftActions, renderActionDraft } from '../domain/drafts';
import type { Locale } from '../domain/i18n';
import type { Policy } from '../domain/policy';
import type { Actor, Clock } from './actions/context';
import { draftContext } from './actions/views';
import type { CaseRepository } from './case-repository';
import type { Directory } from './directory';
import type { EvidencePort } from './evidence-port';
import type { PackConsentContext, PackFile } from './pack-offer';

/** Puts a finished file where Teams said (the upload session of the manager's OneDrive). Implemented by src/http/chunked-upload.ts. */
export interface FileUploader {
  upload(uploadUrl: string, file: string, size: number): Promise<{ readonly ok: true } | { readonly ok: false; readonly status?: number }>;
}

/** Writes the pack's files from the document (src/pack/pack-writer.ts: pdfkit and yazl, loaded on first use). */
export interface PackWriter {
  pdf(doc: PackDocument, image: (row: PackEvidenceRow) => Promise<Buffer | undefined>, out: Writable): Promise<void>;
  zip(
    doc: PackDocument,
    image: (row: PackEvidenceRow) => Promise<Buffer | undefined>,
    open: (row: PackEvidenceRow) => Promise<Readable | undefined>,
    now: Date,
    out: Writable,
  ): Promise<void>;
}

export interface CasePackServiceDeps {
  readonly cases: CaseRepository;
  readonly directory: Directory;
  readonly policy: Policy;
  readonly clock: Clock;
  readonly evidence: EvidencePort;
  readonly uploader: FileUploader;
  readonly writer: PackWriter;
  /** Whether an upload URL is one Teams would give (https on the tenant's SharePoint; loopback too in local mode). */
  readonly uploadAllowed: (url: string) => boolean;
  readonly tmpDir?: string;
}

export type DeliverResult =
  | { readonly ok: true; readonly size: number; readonly sha256: string }
  | { readonly ok: false; readonly reason: 'gone' | 'notAllowed' | 'uploadFailed' };

/**
 * The case pack, built when the manager accepts a file consent card and uploaded to the URL Teams gave.
 *
 * The file is written to a temporary file first, streamed (the PDF draws one image at a time; the ZIP copies each
 * evidence blob through its hash), so a case with 250 MB of evidence is never held in memory; the temporary file is
 * what gives the upload its size, and it is removed whatever happens.
 */
export class CasePackService {
  constructor(private readonly deps: CasePackServiceDeps) {}

  async deliver(actor: Actor, pack: PackConsentContext, uploadUrl: string, locale: Locale): Promise<DeliverResult> {
    const { deps } = this;
    const { caseId, file } = pack;
    if (!deps.uploadAllowed(uploadUrl)) return { ok: false, reason: 'notAllowed' };
    const stored = await deps.cases.get(caseId);
    const c = stored?.value;
    if (!c || !canSee(c, actor.id) || c.kind !== 'incident') return { ok: false, reason: 'gone' };
    const department = await deps.directory.department(c.departmentId);
    const names: Record<string, string> = Object.fromEntries((department?.members ?? []).map((m) => [m.id, m.name]));
    const ctx = draftContext(department, actor, locale, deps.clock.now());
    // The chosen drafts, as "Vis udkast" shows them today; an id not (or no longer) on the plan is left out.
    const drafts = draftActions(deps.policy, c)
      .filter((a) => pack.drafts.includes(a.actionId))
      .flatMap((a) => renderActionDraft(deps.policy, c, a.actionId, ctx) ?? []);
    const doc = casePackDocument({
      case: c,
      policy: deps.policy,
      locale,
      departmentName: department?.name ?? c.departmentId,
      names,
      evidence: c.evidence ?? [],
      ...(c.intake?.esdhRef ? { esdhNumber: c.intake.esdhRef } : {}),
      drafts,
      now: deps.clock.now(),
    });
    const dir = await mkdtemp(join(deps.tmpDir ?? tmpdir(), 'opbakning-pack-'));
    try {
      const path = join(dir, `pack.${file}`);
      await this.write(c.id, doc, file, path);
      const { size } = await stat(path);
      const sha256 = await hashFile(path);
      const sent = await deps.uploader.upload(uploadUrl, path, size);
      return sent.ok ? { ok: true, size, sha256 } : { ok: false, reason: 'uploadFailed' };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  /** The PDF, or the ZIP holding it, every evidence file, the saved pages and SHA256SUMS, into `path`. */
  async write(caseId: string, doc: PackDocument, file: PackFile, path: string): Promise<void> {
    const open = async (row: PackEvidenceRow): Promise<Readable | undefined> =>
      row.item.size === 0 ? ended() : this.deps.evidence.open(caseId, row.item.sha256);
    const image = (row: PackEvidenceRow) => readAll(open(row));
    const { writer } = this.deps;
    if (file === 'pdf') await writer.pdf(doc, image, createWriteStream(path));
    else await writer.zip(doc, image, open, this.deps.clock.now(), createWriteStream(path));
  }
}

/** A login wall or error without a body: nothing was stored, the ZIP holds an empty file for it. */
function ended(): Readable {
  const s = new PassThrough();
  s.end();
  return s;
}

async function readAll(opened: Promise<Readable | undefined>): Promise<Buffer | undefined> {
  const stream = await opened;
  if (!stream) return undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
