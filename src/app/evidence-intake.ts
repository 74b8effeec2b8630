import { type Case, canSee, type IncidentCase } from '../domain/case';
import { duplicateOf, type EvidenceItem } from '../domain/evidence';
import { cleanFileName } from '../domain/file-name';
import type { Locale } from '../domain/i18n';
import { sniffType } from '../domain/sniff-type';
import { transition } from '../domain/transition';
import { type ActionDeps, type Actor, type EvidenceDeps, message, notice } from './actions/context';
import { localeOf, screenFor, startView, summary } from './actions/views';
import type { EvidenceOutcome, Notice, Screen, View } from './screens';

/** A file as Teams delivered it: where to fetch it, the name the sender gave, and whether the bot's token is needed. */
export interface IncomingFile {
  readonly url: string;
  readonly name: string;
  readonly declaredType?: string;
  /** An inline image's `contentUrl` wants the bot's own token; a file's `downloadUrl` is pre-authenticated. */
  readonly needsToken: boolean;
}

/** The bot's Authorization header for an inline image's URL, or undefined (local mode, or not the Bot Framework's host). */
export type AttachmentToken = (url: string) => Promise<string | undefined>;

/**
 * The claim on one received message, under `inbox/{key}.json`, created once (create-only) so that two instances
 * receiving the same activity store its files once. While the manager chooses a case it holds the files' URLs;
 * they are removed as soon as the files are stored.
 */
interface InboxRecord {
  readonly userId: string;
  readonly createdAt: string;
  readonly files: readonly IncomingFile[];
  readonly caseId?: string;
  readonly done?: boolean;
}

/** Teams' download links last about an hour; after that the manager sends the files again. */
const INBOX_TTL_MS = 60 * 60 * 1000;
/** A claim not finished after this long belongs to an instance that stopped: a retry of the activity takes it over. */
const TAKEOVER_MS = 2 * 60 * 1000;
const INBOX_ID = /^[0-9a-f]{40}$/;

type Deps = ActionDeps & { readonly evidence: EvidenceDeps };

/**
 * Files and pasted screenshots sent in the 1:1 chat. With one open case they are stored under it at once (nothing waits
 * on a question, the download links are fresh) and the manager is then asked which link they document; with several,
 * the claim keeps them until the manager picks the case; with none, the manager is offered to start one.
 */
export class EvidenceIntake {
  constructor(private readonly deps: Deps) {}

  async received(actor: Actor, inboxId: string, files: readonly IncomingFile[], token?: AttachmentToken): Promise<View> {
    const { deps } = this;
    const locale = await localeOf(deps, actor);
    const max = deps.evidence.limits.maxFilesPerMessage;
    if (files.length > max) return { locale, screen: { kind: 'evidenceTooMany', sent: files.length, limit: max } };
    const open = await deps.cases.openFor(actor.id, (c) => c);
    const incidents = open.filter((c): c is IncidentCase => c.kind === 'incident' && c.status !== 'closed');
    if (!incidents.length) return startView(deps, actor, notice('evidenceNoCase', 'warning'));
    const now = deps.clock.now();
    const key = inboxKey(inboxId);
    const record: InboxRecord = { userId: actor.id, createdAt: now.toISOString(), files };
    if ((await deps.evidence.inbox.create(key, record)) === 'exists') {
      const claim = await this.takeOver(key, actor, now);
      if (!claim.taken) return { locale, screen: await this.alreadyReceived(claim.record) };
    }
    const [only] = incidents;
    if (incidents.length === 1 && only) return this.storeInto(actor, only.id, inboxId, locale, token);
    return { locale, screen: { kind: 'evidenceCase', inboxId, files: files.length, cases: incidents.map((c) => summary(deps.policy, c)) } };
  }

  /** Downloads the waiting files into the case, one after the other, and records each as evidence. */
  async storeInto(actor: Actor, caseId: string, inboxId: string, locale: Locale, token?: AttachmentToken): Promise<View> {
    const { deps } = this;
    if (!INBOX_ID.test(inboxId)) return { locale, screen: message('badRequest') };
    const key = inboxKey(inboxId);
    const stored = await deps.evidence.inbox.get<InboxRecord>(key);
    if (!stored || stored.value.userId !== actor.id) return { locale, screen: message('evidenceExpired') };
    if (stored.value.done) return { locale, screen: await this.alreadyReceived(stored.value) };
    if (Date.parse(stored.value.createdAt) + INBOX_TTL_MS < deps.clock.now().getTime())
      return { locale, screen: message('evidenceExpired') };
    const current = await deps.cases.get(caseId);
    if (!current) return { locale, screen: message('unknownCase') };
    const c = current.value;
    if (!canSee(c, actor.id)) return { locale, screen: message('forbidden') };
    if (c.kind !== 'incident' || c.status === 'closed')
      return { locale, screen: await screenFor(deps, c, notice('evidenceClosed', 'warning')) };
    const outcomes: EvidenceOutcome[] = [];
    let latest: Case = c;
    for (const file of stored.value.files) {
      const name = cleanFileName(file.name);
      const bearer = file.needsToken && token ? await token(file.url).catch(() => undefined) : undefined;
      const got = await deps.evidence.port.storeFromUrl(
        caseId,
        { url: file.url, ...(file.needsToken && bearer ? { authorization: bearer } : {}) },
        deps.evidence.limits,
      );
      if (!got.ok) {
        if (got.reason === 'notAllowed') deps.evidence.refused(got.host);
        outcomes.push({ name, result: got.reason === 'httpStatus' ? 'failed' : got.reason });
        continue;
      }
      const item: EvidenceItem = {
        id: deps.newId(),
        kind: 'file',
        addedBy: actor.id,
        receivedAt: deps.clock.now().toISOString(),
        name,
        size: got.size,
        ...(file.declaredType || got.declaredType ? { declaredType: (file.declaredType || got.declaredType)?.slice(0, 100) } : {}),
        sniffedType: sniffType(got.head),
        sha256: got.sha256,
      };
      const added = await this.add(actor, caseId, item);
      if (added.case) latest = added.case;
      outcomes.push(added.outcome);
    }
    await deps.evidence.inbox.replace(key, { ...stored.value, files: [], caseId, done: true }, stored.etag).catch(() => undefined);
    if (latest.kind !== 'incident') return { locale, screen: await screenFor(deps, latest) };
    const { maxFileBytes, maxCaseBytes } = deps.evidence.limits;
    return { locale, screen: { kind: 'evidenceReceived', case: latest, outcomes, limits: { maxFileBytes, maxCaseBytes } } };
  }

  /** The load → transition → save(eTag) loop for one item; a concurrent save is re-read and the item applied again. */
  private async add(actor: Actor, caseId: string, item: EvidenceItem): Promise<{ outcome: EvidenceOutcome; case?: Case }> {
    const { deps } = this;
    for (let attempt = 0; attempt < 6; attempt++) {
      const stored = await deps.cases.get(caseId);
      if (!stored || !canSee(stored.value, actor.id)) return { outcome: { name: item.name, result: 'failed' } };
      const result = transition(
        stored.value,
        { type: 'evidence.add', item },
        { now: deps.clock.now(), actor: actor.id, policy: deps.policy },
      );
      if (!result.ok) {
        const existing = stored.value.kind === 'incident' ? duplicateOf(stored.value.evidence ?? [], item) : undefined;
        if (result.reason === 'duplicate' && existing)
          return { outcome: { name: item.name, result: 'duplicate', evidenceId: existing.id }, case: stored.value };
        return { outcome: { name: item.name, result: result.reason === 'closed' ? 'closed' : 'failed' }, case: stored.value };
      }
      if ((await deps.cases.replace(result.state, stored.etag)) === 'saved')
        return { outcome: { name: item.name, result: 'stored', evidenceId: item.id }, case: result.state };
    }
    return { outcome: { name: item.name, result: 'failed' } };
  }

  /** A claim left unfinished by an instance that stopped is taken over by the retried activity. */
  private async takeOver(key: string, actor: Actor, now: Date): Promise<{ taken: boolean; record?: InboxRecord }> {
    const stored = await this.deps.evidence.inbox.get<InboxRecord>(key);
    const record = stored?.value;
    if (!stored || !record || record.done || record.userId !== actor.id || record.caseId)
      return { taken: false, ...(record ? { record } : {}) };
    if (Date.parse(record.createdAt) + TAKEOVER_MS > now.getTime()) return { taken: false, record };
    const taken = (await this.deps.evidence.inbox.replace(key, { ...record, createdAt: now.toISOString() }, stored.etag)) === 'saved';
    return { taken, record };
  }

  /** The message's files were taken already: the case they went to, as the record read just now names it. */
  private async alreadyReceived(record: InboxRecord | undefined): Promise<Screen> {
    const n: Notice = notice('evidenceAlreadyReceived', 'accent');
    const c = record?.caseId ? await this.deps.cases.get(record.caseId) : undefined;
    return c ? screenFor(this.deps, c.value, n) : { kind: 'message', notice: n };
  }
}

/**
 * Deletes inbox claims older than a day (run with the hourly sweep): by then Teams has long stopped retrying the
 * activity, and a claim still holding download links (the manager never chose a case) should not keep them.
 */
export async function pruneInbox(inbox: EvidenceDeps['inbox'], now: Date): Promise<number> {
  let n = 0;
  for (const key of await inbox.list('inbox/')) {
    const stored = await inbox.get<InboxRecord>(key).catch(() => undefined);
    const at = stored ? Date.parse(stored.value.createdAt) : Number.NaN;
    if (stored && !(at + PRUNE_MS > now.getTime())) {
      await inbox.delete(key);
      n++;
    }
  }
  return n;
}

const PRUNE_MS = 24 * 60 * 60 * 1000;

function inboxKey(inboxId: string): string {
  return `inbox/${inboxId}.json`;
}
