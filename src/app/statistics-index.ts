import type { Case } from '../domain/case';
import { addMonths, compareDates, danishDate } from '../domain/dates';
import type { Policy } from '../domain/policy';
import { type CaseFact, factOf, PERIOD_MONTHS } from '../domain/statistics';
import { CASE_ID, type DeletionRecord, deletionKey } from './case-repository';
import { OpbakningError } from './errors';
import type { JsonStore, Stored } from './json-store';

/** One department's facts, by case id: read whole when statistics are asked for, never the cases themselves. */
export interface DepartmentFacts {
  readonly facts: Readonly<Record<string, CaseFact>>;
}

const PREFIX = 'statistics/';
const BUILT = `${PREFIX}built.json`;
const keyOf = (departmentId: string) => `${PREFIX}departments/${departmentId}.json`;
/** Compare-and-swap rounds before giving up; each lost round means another instance just wrote. */
const ATTEMPTS = 20;
/** After a lost round, wait a random while (growing) so writers that collided spread out instead of colliding again. */
const backoff = (attempt: number) => new Promise((r) => setTimeout(r, Math.random() * 10 * 2 ** Math.min(attempt, 5)));

/**
 * A running summary of the cases, one document per department, kept up to date whenever a case is written
 * (CaseRepository calls `record`). Writes are eTag-guarded and merge by case id and revision, so two instances writing
 * at once both land, in any order. Missing (new deployment, or deleted by hand), it is rebuilt from the cases once.
 *
 * The summary is written beside the request, not in it: a save only queues its fact, and the department's queued
 * facts go together in one write a moment later (`delayMs`). A manager's click never waits for the summary, ten
 * managers of one department do not queue behind one document, and a burst of saves is one write. A write lost to a
 * crash in that moment, or to an outage, is repaired by the hourly sweep; figures on another instance may be that
 * moment behind.
 */
interface Batch {
  readonly facts: Record<string, CaseFact>;
  readonly remove: Set<string>;
}

export interface StatisticsIndexOptions {
  /** How long queued facts wait for more before they are written (default 200 ms). */
  readonly delayMs?: number;
  /** A summary write that failed (logged by the caller; the hourly sweep repairs it). */
  readonly onError?: (e: unknown) => void;
}

export class StatisticsIndex {
  /** Facts waiting for the department's next write. */
  private readonly pending = new Map<string, Batch>();
  /** The department's scheduled or running write. */
  private readonly drains = new Map<string, Promise<void>>();
  /** Once seen built, it stays built (the marker is never removed by the bot). */
  private built = false;

  constructor(
    private readonly store: JsonStore,
    private readonly policy: Policy,
    private readonly now: () => Date = () => new Date(),
    private readonly options: StatisticsIndexOptions = {},
  ) {}

  /**
   * Resolves when the facts this instance queued before the call (for these departments, or all) are written or their
   * write failed. Two rounds at most: the write in flight, then the one for what was queued meanwhile; never a loop
   * that a steady stream of saves could keep going.
   */
  async settled(departmentIds?: readonly string[]): Promise<void> {
    for (let round = 0; round < 2; round++) {
      const ids = departmentIds ?? [...this.drains.keys()];
      const waits = ids.map((id) => this.drains.get(id)).filter((p): p is Promise<void> => p !== undefined);
      if (!waits.length) return;
      await Promise.all(waits);
    }
  }

  /** A case was created or saved. */
  async record(c: Case): Promise<void> {
    const fact = factOf(c, this.policy);
    if (fact) this.enqueue(c.departmentId, { [c.id]: fact }, []);
  }

  /**
   * A case was deleted. By its owner (a mistake, a test): it leaves the figures. By retention: its anonymous fact
   * stays for the rest of the period, with nothing left to be overdue.
   */
  async deleted(c: Case, reason: 'owner' | 'retention'): Promise<void> {
    if (reason === 'owner') return this.enqueue(c.departmentId, {}, [c.id]);
    const fact = factOf(c, this.policy);
    if (fact) this.enqueue(c.departmentId, { [c.id]: { ...fact, openDue: [], rev: Number.MAX_SAFE_INTEGER } }, []);
  }

  /** The facts of the given departments, after building the summary from the cases if it was never built. */
  async facts(departmentIds: readonly string[]): Promise<CaseFact[]> {
    // What this instance has just saved is in the figures it shows.
    await this.settled(departmentIds);
    if (!this.built && !(await this.store.get(BUILT))) await this.rebuild();
    this.built = true;
    const docs = await Promise.all(departmentIds.map((id) => this.store.get<DepartmentFacts>(keyOf(id))));
    return docs.flatMap((d) => Object.values(d?.value.facts ?? {}));
  }

  /** Reads every case once and merges its fact; safe beside live writes, since a newer revision always wins. */
  async rebuild(): Promise<void> {
    const ids = (await this.store.list('cases/'))
      .map((k) => k.slice('cases/'.length).replace(/\.json$/, ''))
      .filter((id) => CASE_ID.test(id));
    const byDepartment = new Map<string, Record<string, CaseFact>>();
    for (let i = 0; i < ids.length; i += 16) {
      const batch = await Promise.all(ids.slice(i, i + 16).map((id) => this.store.get<Case>(`cases/${id}.json`)));
      for (const stored of batch) {
        const fact = stored && factOf(stored.value, this.policy);
        if (!stored || !fact) continue;
        const facts = byDepartment.get(fact.departmentId) ?? {};
        facts[stored.value.id] = fact;
        byDepartment.set(fact.departmentId, facts);
      }
    }
    for (const [departmentId, facts] of byDepartment) await this.merge(departmentId, facts, []);
    await this.store.create(BUILT, { builtAt: this.now().toISOString() });
  }

  /**
   * For the hourly sweep, which reads every case anyway: collects their facts and merges them at the end, so a
   * summary write that failed after a case was saved is repaired within the hour.
   */
  collector(): { step: (stored: Stored<Case>) => Promise<'none'>; flush: () => Promise<void> } {
    const byDepartment = new Map<string, Record<string, CaseFact>>();
    const seen = new Set<string>();
    return {
      step: async (stored) => {
        seen.add(stored.value.id);
        const fact = factOf(stored.value, this.policy);
        if (fact) byDepartment.set(fact.departmentId, { ...byDepartment.get(fact.departmentId), [stored.value.id]: fact });
        return 'none';
      },
      flush: async () => {
        for (const [departmentId, facts] of byDepartment) await this.merge(departmentId, facts, []);
        await this.settleDeletions(seen);
      },
    };
  }

  /**
   * A deletion whose summary write was lost leaves its fact behind. A fact the sweep did not meet is settled by the
   * case's deletion record (written before the case is deleted): by its owner, it leaves; by retention, it becomes the
   * anonymous line. A case with no record is kept: it may have been created while the sweep ran.
   */
  private async settleDeletions(seen: ReadonlySet<string>): Promise<void> {
    const prefix = `${PREFIX}departments/`;
    for (const key of await this.store.list(prefix)) {
      const departmentId = key.slice(prefix.length).replace(/\.json$/, '');
      const doc = await this.store.get<DepartmentFacts>(key);
      const unseen = Object.entries(doc?.value.facts ?? {}).filter(([id, f]) => !seen.has(id) && f.rev !== Number.MAX_SAFE_INTEGER);
      const remove: string[] = [];
      const retained: Record<string, CaseFact> = {};
      for (const [id, fact] of unseen) {
        const record = (await this.store.get<DeletionRecord>(deletionKey(id)))?.value;
        if (record?.reason === 'owner') remove.push(id);
        else if (record?.reason === 'retention') retained[id] = { ...fact, openDue: [], rev: Number.MAX_SAFE_INTEGER };
      }
      if (remove.length || Object.keys(retained).length) await this.merge(departmentId, retained, remove);
    }
  }

  /** Queues a change; several on this instance within `delayMs` (or during a write) go together in the next write. */
  private enqueue(departmentId: string, facts: Readonly<Record<string, CaseFact>>, remove: readonly string[]): void {
    const batch = this.pending.get(departmentId) ?? { facts: {}, remove: new Set<string>() };
    for (const [id, fact] of Object.entries(facts)) {
      const had = batch.facts[id];
      if (!had || had.rev < fact.rev) batch.facts[id] = fact;
      batch.remove.delete(id);
    }
    for (const id of remove) {
      batch.remove.add(id);
      delete batch.facts[id];
    }
    this.pending.set(departmentId, batch);
    this.schedule(departmentId);
  }

  private schedule(departmentId: string): void {
    if (this.drains.has(departmentId)) return;
    // One batch per run, so every run ends (delay + one write); what is queued meanwhile gets the next run.
    const run = (async () => {
      await new Promise((resolve) => setTimeout(resolve, this.options.delayMs ?? 200));
      const batch = this.pending.get(departmentId);
      if (!batch) return;
      this.pending.delete(departmentId);
      await this.merge(departmentId, batch.facts, [...batch.remove]);
    })()
      .catch((e: unknown) => {
        try {
          this.options.onError?.(e);
        } catch {
          // A failing logger must not crash the process with an unhandled rejection.
        }
      })
      .finally(() => {
        this.drains.delete(departmentId);
        if (this.pending.has(departmentId)) this.schedule(departmentId);
      });
    this.drains.set(departmentId, run);
  }

  /** Read, merge, write with the eTag; on a conflict read again. Facts older than the period are dropped on the way. */
  private async merge(departmentId: string, incoming: Readonly<Record<string, CaseFact>>, remove: readonly string[]): Promise<void> {
    const key = keyOf(departmentId);
    const oldest = addMonths(`${danishDate(this.now()).slice(0, 7)}-01`, -PERIOD_MONTHS);
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const current = await this.store.get<DepartmentFacts>(key);
      const facts: Record<string, CaseFact> = { ...current?.value.facts };
      let changed = false;
      for (const [id, fact] of Object.entries(incoming)) {
        const had = facts[id];
        if (had && had.rev >= fact.rev) continue;
        facts[id] = fact;
        changed = true;
      }
      for (const id of remove)
        if (facts[id]) {
          delete facts[id];
          changed = true;
        }
      for (const [id, fact] of Object.entries(facts))
        if (!fact.openDue.length && compareDates(fact.on, oldest) < 0) {
          delete facts[id];
          changed = true;
        }
      if (!changed) return;
      const doc: DepartmentFacts = { facts };
      const result = current ? await this.store.replace(key, doc, current.etag) : await this.store.create(key, doc);
      if (result === 'saved' || result === 'created') return;
      await backoff(attempt);
    }
    throw new OpbakningError('statistics_conflict', 'the statistics summary kept changing under us');
  }
}
