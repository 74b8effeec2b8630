import { createHash } from 'node:crypto';
import { type Case, canSee, isOpen } from '../domain/case';
import type { Locale } from '../domain/i18n';
import type { JsonStore, Stored } from './json-store';

/** Case ids are ours (random, lower-case base32); anything else is refused before it reaches a storage key. */
export const CASE_ID = /^[a-z0-9]{8,40}$/;

const userKeys = new Map<string, string>();

const usersOf = (c: Case) => [c.ownerId, ...c.managerIds];
const indexKey = (userId: string, caseId: string) => `index/${userKey(userId)}/${caseId}`;
const closedKey = (userId: string, caseId: string) => `index/${userKey(userId)}/closed/${caseId}`;
/** Cases on which an employee said yes to the follow-up; kept apart from the managers' index. */
const followUpKey = (employeeId: string, caseId: string) => `followups/${userKey(employeeId)}/${caseId}`;
const followUpEmployees = (c: Case) => (c.kind === 'incident' ? (c.followUps ?? []).map((f) => f.employeeId) : []);

/** Directory ids become opaque keys, so storage listings never show who is who. Remembered: asked for on every turn. */
function userKey(userId: string): string {
  let key = userKeys.get(userId);
  if (key === undefined) {
    key = createHash('sha256').update(userId).digest('hex').slice(0, 40);
    if (userKeys.size >= 10_000) userKeys.clear();
    userKeys.set(userId, key);
  }
  return key;
}

export interface UserPrefs {
  readonly locale?: Locale;
  /** Where to reach the user in their 1:1 chat (Bot Framework conversation reference; ids only). */
  readonly reference?: Readonly<Record<string, unknown>>;
}

/** What is kept of a deleted case: that it existed and when it went, nothing else. */
/** Where a deleted case's record (id, date, reason) is kept. */
export const deletionKey = (caseId: string) => `deletions/${caseId}.json`;

export interface DeletionRecord {
  readonly caseId: string;
  readonly deletedAt: string;
  readonly reason: 'owner' | 'retention';
}

/** Told of every case written or deleted (the statistics summary). Best effort: the case itself is already saved. */
export interface CaseObserver {
  record(c: Case): Promise<void>;
  deleted(c: Case, reason: DeletionRecord['reason']): Promise<void>;
}

/** Cases, a per-user index of them, and user preferences, over the JsonStore port. */
export class CaseRepository {
  /** Preferences are read on every turn and rarely change; another instance's change shows within the TTL. */
  private readonly prefsCache = new Map<string, { at: number; prefs: UserPrefs }>();
  private static readonly PREFS_TTL_MS = 30_000;

  constructor(
    private readonly store: JsonStore,
    /** The hourly sweep repairs what a failed notice missed. */
    private readonly observer?: CaseObserver,
  ) {}

  private notify(call: (o: CaseObserver) => Promise<void>): Promise<void> {
    return this.observer ? call(this.observer).catch(() => undefined) : Promise.resolve();
  }

  get(id: string): Promise<Stored<Case> | undefined> {
    if (!CASE_ID.test(id)) return Promise.resolve(undefined);
    return this.store.get<Case>(`cases/${id}.json`);
  }

  /**
   * The index entries are written first: an entry whose case was never written is skipped
   * when listing, while a case without an entry would be lost from "My cases".
   */
  async create(c: Case): Promise<'created' | 'exists'> {
    await Promise.all(usersOf(c).map((u) => this.store.create(indexKey(u, c.id), {})));
    const result = await this.store.create(`cases/${c.id}.json`, c);
    if (result === 'created') await this.notify((o) => o.record(c));
    return result;
  }

  /** Deletes the case and its index entries, and records the deletion (id and date only). */
  async delete(c: Case, reason: DeletionRecord['reason'], now: Date): Promise<void> {
    const record: DeletionRecord = { caseId: c.id, deletedAt: now.toISOString(), reason };
    await this.store.create(deletionKey(c.id), record);
    await this.store.delete(`cases/${c.id}.json`);
    await Promise.all(usersOf(c).flatMap((u) => [this.store.delete(indexKey(u, c.id)), this.store.delete(closedKey(u, c.id))]));
    // "Gem siden nu" claims left by a crash hold a link of the case (src/app/actions/evidence-capture.ts).
    await Promise.all((await this.store.list(`captures/${c.id}/`)).map((k) => this.store.delete(k)));
    await Promise.all(followUpEmployees(c).map((e) => this.store.delete(followUpKey(e, c.id))));
    await this.notify((o) => o.deleted(c, reason));
  }

  /** Lets the employee be recognised in their own chat; written before the consent is saved (idempotent). */
  async indexFollowUp(employeeId: string, caseId: string): Promise<void> {
    await this.store.create(followUpKey(employeeId, caseId), {});
  }

  /** The cases on which this person was ever offered the follow-up; the caller checks that it is still active. */
  async followUpCases(employeeId: string): Promise<Stored<Case>[]> {
    const prefix = `followups/${userKey(employeeId)}/`;
    const ids = (await this.store.list(prefix)).map((k) => k.slice(prefix.length)).filter((id) => CASE_ID.test(id));
    const found = await Promise.all(ids.slice(0, 50).map((id) => this.get(id)));
    return found.filter((s): s is Stored<Case> => s !== undefined);
  }

  async deletion(caseId: string): Promise<DeletionRecord | undefined> {
    if (!CASE_ID.test(caseId)) return undefined;
    return (await this.store.get<DeletionRecord>(deletionKey(caseId)))?.value;
  }

  /** Every stored case id (for the retention sweep). */
  async allIds(): Promise<string[]> {
    const keys = await this.store.list('cases/');
    return keys.map((k) => k.slice('cases/'.length).replace(/\.json$/, '')).filter((id) => CASE_ID.test(id));
  }

  async replace(c: Case, etag: string): Promise<'saved' | 'conflict'> {
    const result = await this.store.replace(`cases/${c.id}.json`, c, etag);
    if (result === 'saved') await this.notify((o) => o.record(c));
    // A closed case gets a marker beside its index entries, so "My cases" need not read it again. Best effort:
    // without the marker the case is read and left out as before.
    if (result === 'saved' && !isOpen(c))
      await Promise.all(usersOf(c).map((u) => this.store.create(closedKey(u, c.id), {}))).catch(() => undefined);
    return result;
  }

  /**
   * The user's open cases, newest first, each turned into what the caller keeps (`pick`) as soon as it is read,
   * so a manager with many cases never has them all in memory at once. Closed cases are skipped unread.
   */
  async openFor<T>(userId: string, pick: (c: Case) => T): Promise<T[]> {
    const prefix = `index/${userKey(userId)}/`;
    const keys = await this.store.list(prefix);
    const closed = new Set(keys.filter((k) => k.startsWith(`${prefix}closed/`)).map((k) => k.slice(`${prefix}closed/`.length)));
    const ids = keys.map((k) => k.slice(prefix.length)).filter((id) => CASE_ID.test(id) && !closed.has(id));
    const found: { at: string; item: T }[] = [];
    for (let i = 0; i < ids.length; i += 16) {
      const batch = await Promise.all(ids.slice(i, i + 16).map((id) => this.get(id)));
      for (const stored of batch)
        if (stored && canSee(stored.value, userId) && isOpen(stored.value))
          found.push({ at: stored.value.updatedAt, item: pick(stored.value) });
    }
    return found.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0)).map((f) => f.item);
  }

  async prefs(userId: string): Promise<UserPrefs> {
    const key = userKey(userId);
    const hit = this.prefsCache.get(key);
    if (hit && Date.now() - hit.at < CaseRepository.PREFS_TTL_MS) return hit.prefs;
    const prefs = (await this.store.get<UserPrefs>(`users/${key}.json`))?.value ?? {};
    if (this.prefsCache.size > 10_000) this.prefsCache.clear();
    this.prefsCache.set(key, { at: Date.now(), prefs });
    return prefs;
  }

  async setPrefs(userId: string, prefs: UserPrefs): Promise<void> {
    const key = `users/${userKey(userId)}.json`;
    for (let attempt = 0; attempt < 3; attempt++) {
      const current = await this.store.get<UserPrefs>(key);
      const next = { ...current?.value, ...prefs };
      const result = current ? await this.store.replace(key, next, current.etag) : await this.store.create(key, next);
      if (result === 'saved' || result === 'created') {
        this.prefsCache.set(userKey(userId), { at: Date.now(), prefs: next });
        return;
      }
    }
  }
}
