import { randomBytes } from 'node:crypto';
import { CaseRepository } from '../../src/app/case-repository';
import type { JsonStore } from '../../src/app/json-store';
import { StatisticsIndex } from '../../src/app/statistics-index';
import type { IncidentCase } from '../../src/domain/case';
import { loadPolicy } from '../../src/policy/load-policy';
import { BlobJsonStore } from '../../src/storage/blob-json-store';

const policy = loadPolicy();
const NOW = new Date('2026-11-24T08:30:00.000Z');

/** Two "instances": each its own store client and index over one container on the test Azurite. */
function twoInstances() {
  const connection = process.env.TEST_STORAGE_CONNECTION_STRING;
  if (!connection) throw new Error('run through jest: the global setup starts Azurite');
  const container = `s${randomBytes(6).toString('hex')}`;
  return [0, 1].map(() => {
    const store = BlobJsonStore.fromConnectionString(connection, container);
    const index = new StatisticsIndex(store, policy, () => NOW);
    return { store, index, cases: new CaseRepository(store, index) };
  }) as [Instance, Instance];
}
type Instance = { store: BlobJsonStore; index: StatisticsIndex; cases: CaseRepository };

function incident(n: number, rev = 1, departmentId = 'dep'): IncidentCase {
  return {
    id: `case${String(n).padStart(8, '0')}`,
    rev,
    ownerId: 'm1',
    managerIds: [],
    departmentId,
    locale: 'da',
    createdAt: NOW.toISOString(),
    updatedAt: NOW.toISOString(),
    audit: [],
    kind: 'incident',
    status: 'plan',
    intake: {
      employees: [{ id: 'e1', name: 'Anders Kjær' }],
      urls: ['https://example.org/opslag'],
      platform: 'website',
      discoveredOn: '2026-11-20',
      description: 'Borgerens opslag',
      employeeContacted: true,
      evidenceSaved: true,
      characteristics: rev > 1 ? ['directThreat'] : [],
    },
    plan: [{ actionId: 'policeReport', due: '2026-11-21', reasons: [], source: 'policy', status: 'open' }],
  };
}

describe('the statistics summary on Azurite', () => {
  it('a save does not wait for the summary: its fact is written a moment later, several saves in one write', async () => {
    const [a] = twoInstances();
    await a.index.rebuild();
    let writes = 0;
    const count = (key: string) => {
      if (key.startsWith('statistics/')) writes += 1;
    };
    const store: JsonStore = {
      get: (k) => a.store.get(k),
      list: (p) => a.store.list(p),
      delete: (k) => a.store.delete(k),
      create: (k, v) => {
        count(k);
        return a.store.create(k, v);
      },
      replace: (k, v, e) => {
        count(k);
        return a.store.replace(k, v, e);
      },
    };
    const index = new StatisticsIndex(store, policy, () => NOW, { delayMs: 100 });
    for (let i = 0; i < 5; i++) await index.record(incident(i));
    expect(writes).toBe(0);
    await index.settled();
    expect(writes).toBe(1);
    expect(await index.facts(['dep'])).toHaveLength(5);
  });

  it('a steady stream of saves never keeps the figures waiting', async () => {
    const [a] = twoInstances();
    await a.index.rebuild();
    const index = new StatisticsIndex(a.store, policy, () => NOW, { delayMs: 50 });
    let n = 0;
    const stream = setInterval(() => void index.record(incident(n++ % 20, 1, `dep${n % 5}`)), 20);
    try {
      await new Promise((r) => setTimeout(r, 200));
      const started = Date.now();
      await index.facts(['dep1']);
      // Two rounds of one department's write at most, however many saves keep arriving.
      expect(Date.now() - started).toBeLessThan(3000);
    } finally {
      clearInterval(stream);
    }
    await index.settled();
  });

  it('a failed summary write is reported, not thrown at the save, and a failing logger does not crash', async () => {
    const [a] = twoInstances();
    const errors: unknown[] = [];
    const broken: JsonStore = {
      get: async () => {
        throw new Error('storage down');
      },
      list: (p) => a.store.list(p),
      delete: (k) => a.store.delete(k),
      create: (k, v) => a.store.create(k, v),
      replace: (k, v, e) => a.store.replace(k, v, e),
    };
    const index = new StatisticsIndex(broken, policy, () => NOW, { delayMs: 0, onError: (e) => errors.push(e) });
    await expect(index.record(incident(1))).resolves.toBeUndefined();
    await index.settled();
    expect(errors).toEqual([expect.objectContaining({ message: 'storage down' })]);
    const throwing = new StatisticsIndex(broken, policy, () => NOW, {
      delayMs: 0,
      onError: () => {
        throw new Error('logger down');
      },
    });
    await throwing.record(incident(2));
    await expect(throwing.settled()).resolves.toBeUndefined();
  });

  it('keeps every case when two instances record different cases of one department at the same time', async () => {
    const [a, b] = twoInstances();
    await b.index.rebuild(); // nothing yet; marks the summary as built
    await Promise.all(Array.from({ length: 24 }, (_, i) => (i % 2 ? a : b).index.record(incident(i))));
    // Each instance writes its queued facts a moment later; both land.
    await Promise.all([a.index.settled(), b.index.settled()]);
    const facts = await a.index.facts(['dep']);
    expect(facts).toHaveLength(24);
  });

  it('lets the newer revision win whatever order two instances write in, and drops a case its owner deleted', async () => {
    const [a, b] = twoInstances();
    await a.index.rebuild();
    await Promise.all([a.index.record(incident(1, 3)), b.index.record(incident(1, 2)), b.index.record(incident(1, 1))]);
    await Promise.all([a.index.settled(), b.index.settled()]);
    expect((await b.index.facts(['dep']))[0]).toMatchObject({ rev: 3, characteristics: ['directThreat'] });
    await a.index.record(incident(1, 1));
    await a.index.settled();
    expect((await b.index.facts(['dep']))[0]?.rev).toBe(3);
    await b.index.deleted(incident(1, 3), 'owner');
    await b.index.settled();
    expect(await a.index.facts(['dep'])).toEqual([]);
  });

  it('is repaired by the hourly sweep when a summary write was missed, and keeps a case deleted by retention', async () => {
    const [a] = twoInstances();
    await a.index.rebuild();
    // Saved while the summary could not be written (here: by a repository that tells no summary).
    const plain = new CaseRepository(a.store);
    await plain.create(incident(1));
    await plain.create(incident(2));
    expect(await a.index.facts(['dep'])).toEqual([]);
    const sweep = a.index.collector();
    for (const id of await a.cases.allIds()) {
      const stored = await a.cases.get(id);
      if (stored) expect(await sweep.step(stored)).toBe('none');
    }
    await sweep.flush();
    expect((await a.index.facts(['dep'])).map((f) => f.openDue)).toEqual([['2026-11-21'], ['2026-11-21']]);
    // Deletions whose summary write was lost (a repository that tells no summary): the next sweep settles them by the
    // deletion records. By the owner: the line leaves; by retention: it stays, with nothing overdue.
    await a.cases.create(incident(3));
    await a.cases.create(incident(4));
    await a.index.settled();
    expect(await a.index.facts(['dep'])).toHaveLength(4);
    await plain.delete(incident(3), 'owner', NOW);
    await plain.delete(incident(4), 'retention', NOW);
    const next = a.index.collector();
    for (const id of await a.cases.allIds()) {
      const stored = await a.cases.get(id);
      if (stored) await next.step(stored);
    }
    await next.flush();
    const settledFacts = await a.index.facts(['dep']);
    expect(settledFacts).toHaveLength(3);
    expect(settledFacts.filter((f) => f.rev === Number.MAX_SAFE_INTEGER).map((f) => f.openDue)).toEqual([[]]);
    // Retention deletes a case: its anonymous line stays for the period, with nothing left overdue.
    await a.cases.delete(incident(1), 'retention', NOW);
    const facts = await a.index.facts(['dep']);
    expect(facts).toHaveLength(3);
    expect(facts.map((f) => f.openDue).sort()).toEqual([[], [], ['2026-11-21']]);
  });

  it('is rebuilt from the cases when it is missing, without counting a case twice', async () => {
    const [a, b] = twoInstances();
    // Cases written before statistics existed: a repository that tells no summary.
    const plain = new CaseRepository(a.store);
    for (let i = 0; i < 5; i++) await plain.create(incident(i, 1, i < 3 ? 'dep' : 'other'));
    // One case changes through an instance that keeps the summary, before anyone has asked for statistics.
    const stored = await b.cases.get(incident(0).id);
    if (!stored) throw new Error('case missing');
    await b.cases.replace(incident(0, 2), stored.etag);
    await b.index.settled();
    const [dep, other] = await Promise.all([a.index.facts(['dep']), b.index.facts(['other'])]);
    expect(dep).toHaveLength(3);
    expect(other).toHaveLength(2);
    expect(dep.find((f) => f.rev === 2)?.characteristics).toEqual(['directThreat']);
    // Built once: the marker stops the next request from reading the cases again.
    expect(await a.store.get('statistics/built.json')).toBeDefined();
  });
});
