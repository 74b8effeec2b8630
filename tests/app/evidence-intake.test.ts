import path from 'node:path';
import type { Actor, EvidenceDeps } from '../../src/app/actions/context';
import { CaseRepository } from '../../src/app/case-repository';
import { EvidenceIntake, type IncomingFile, pruneInbox } from '../../src/app/evidence-intake';
import type { EvidencePort, StoreResult } from '../../src/app/evidence-port';
import type { View } from '../../src/app/screens';
import { FileDirectory } from '../../src/directory/file-directory';
import type { IncidentCase } from '../../src/domain/case';
import { newIncident } from '../../src/domain/transition';
import { loadPolicy } from '../../src/policy/load-policy';
import { MemoryJsonStore } from '../../src/storage/memory-json-store';
import { FlakyStore } from '../support/flaky-store';

// The intake's own rules with in-memory storage and a fake evidence port: no Azurite, no HTTP (those are tests/bot/evidence-*).
const METTE: Actor = { id: '00000000-0000-0000-0000-000000000020', name: 'Mette Holm', locale: 'da-DK' };
const directory = FileDirectory.load(path.resolve(__dirname, '../../dev/demo-departments.json'));
const policy = loadPolicy();
const INBOX = 'c'.repeat(40);
const file: IncomingFile = { url: 'https://x.sharepoint.com/dl', name: '../a.png', needsToken: false };

/** Replaces fail with a conflict once when asked, as if another instance had saved first. */
class ConflictOnce extends FlakyStore {
  conflictNext = false;
  override async replace(key: string, value: unknown, etag: string) {
    if (this.conflictNext && key.startsWith('cases/')) {
      this.conflictNext = false;
      return 'conflict' as const;
    }
    return super.replace(key, value, etag);
  }
}

function setup(store: (caseId: string) => Promise<StoreResult>) {
  let now = new Date('2026-12-02T10:00:00Z');
  const json = new ConflictOnce(new MemoryJsonStore());
  const cases = new CaseRepository(json);
  const refused: (string | undefined)[] = [];
  const port: EvidencePort = {
    storeFromUrl: (caseId) => store(caseId),
    storeBytes: () => Promise.reject(new Error('unused')),
    open: () => Promise.resolve(undefined),
    usage: () => Promise.resolve(0),
    deleteCase: () => Promise.resolve(0),
  };
  const evidence: EvidenceDeps = {
    port,
    limits: { maxFileBytes: 1000, maxCaseBytes: 10_000, maxFilesPerMessage: 3 },
    inbox: json,
    refused: (h) => void refused.push(h),
  };
  let n = 0;
  const intake = new EvidenceIntake({
    cases,
    directory,
    policy,
    clock: { now: () => now },
    newId: () => `id${String(++n).padStart(8, '0')}`,
    evidence,
  });
  return { intake, cases, json, refused, advance: (ms: number) => (now = new Date(now.getTime() + ms)) };
}

const stored = (sha: string): StoreResult => ({
  ok: true,
  sha256: sha.repeat(64),
  size: 10,
  head: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  duplicate: false,
});

async function openCase(cases: CaseRepository, id = 'caseaaaa0001'): Promise<IncidentCase> {
  const c = newIncident({ id, ownerId: METTE.id, departmentId: 'boern-familie', locale: 'da', now: new Date('2026-12-02T09:00:00Z') });
  await cases.create(c);
  return c;
}

const evidenceOf = async (cases: CaseRepository, id = 'caseaaaa0001') =>
  ((await cases.get(id))?.value as IncidentCase | undefined)?.evidence ?? [];
const outcomes = (v: View) => (v.screen.kind === 'evidenceReceived' ? v.screen.outcomes.map((o) => o.result) : v.screen.kind);

describe('EvidenceIntake', () => {
  it('re-reads and applies the item again when another instance saved the case first', async () => {
    const s = setup(async () => stored('a'));
    await openCase(s.cases);
    s.json.conflictNext = true;
    const view = await s.intake.received(METTE, INBOX, [file]);
    expect(outcomes(view)).toEqual(['stored']);
    expect((await evidenceOf(s.cases)).map((i) => [i.name, i.sniffedType])).toEqual([['a.png', 'image/png']]);
  });

  it('records nothing when the case was closed while the file downloaded, and says so', async () => {
    const s = setup(async (caseId) => {
      const current = await s.cases.get(caseId);
      if (current) await s.cases.replace({ ...(current.value as IncidentCase), status: 'closed' }, current.etag);
      return stored('b');
    });
    await openCase(s.cases);
    expect(outcomes(await s.intake.received(METTE, INBOX, [file]))).toEqual(['closed']);
    expect(await evidenceOf(s.cases)).toEqual([]);
  });

  it('reports a refused host for the log, and keeps going with the other files', async () => {
    let call = 0;
    const s = setup(async () => (++call === 1 ? { ok: false, reason: 'notAllowed', host: 'evil.example' } : stored('c')));
    await openCase(s.cases);
    expect(outcomes(await s.intake.received(METTE, INBOX, [file, { ...file, name: 'b.png' }]))).toEqual(['notAllowed', 'stored']);
    expect(s.refused).toEqual(['evil.example']);
  });

  it('refuses more files than allowed before looking at any case', async () => {
    const s = setup(async () => stored('d'));
    const view = await s.intake.received(METTE, INBOX, [file, file, file, file]);
    expect(view.screen).toEqual({ kind: 'evidenceTooMany', sent: 4, limit: 3 });
  });

  it('lets a retried activity take over a claim left unfinished by a stopped instance, not a fresh one', async () => {
    const s = setup(async () => stored('e'));
    await openCase(s.cases);
    await s.json.create(`inbox/${INBOX}.json`, { userId: METTE.id, createdAt: '2026-12-02T10:00:00.000Z', files: [file] });
    expect((await s.intake.received(METTE, INBOX, [file])).screen).toMatchObject({
      kind: 'message',
      notice: { code: 'evidenceAlreadyReceived' },
    });
    expect(await evidenceOf(s.cases)).toEqual([]);
    s.advance(3 * 60_000);
    expect(outcomes(await s.intake.received(METTE, INBOX, [file]))).toEqual(['stored']);
    expect(await evidenceOf(s.cases)).toHaveLength(1);
  });

  it('keeps the files of a message while the manager chooses among several cases, for an hour', async () => {
    const s = setup(async () => stored('f'));
    await openCase(s.cases, 'caseaaaa0001');
    await openCase(s.cases, 'caseaaaa0002');
    const choice = await s.intake.received(METTE, INBOX, [file]);
    expect(choice.screen).toMatchObject({ kind: 'evidenceCase', inboxId: INBOX, files: 1 });
    s.advance(61 * 60_000);
    expect((await s.intake.storeInto(METTE, 'caseaaaa0002', INBOX, 'da')).screen).toMatchObject({ notice: { code: 'evidenceExpired' } });
    expect(await evidenceOf(s.cases, 'caseaaaa0002')).toEqual([]);
    // A day on, the sweep deletes the claim and the links it held.
    s.advance(24 * 60 * 60_000);
    expect(await pruneInbox(s.json, new Date('2026-12-04T12:00:00Z'))).toBe(1);
    expect(await s.json.list('inbox/')).toEqual([]);
  });
});
