import { randomBytes } from 'node:crypto';
import { CaseRepository } from '../../src/app/case-repository';
import type { JsonStore } from '../../src/app/json-store';
import type { Case } from '../../src/domain/case';
import { newIncident } from '../../src/domain/transition';
import { BlobJsonStore } from '../../src/storage/blob-json-store';

/** The blob store on Azurite, counting which case documents are read. */
function countingStore(): { store: JsonStore; reads: string[] } {
  const connection = process.env.TEST_STORAGE_CONNECTION_STRING;
  if (!connection) throw new Error('run through jest: the global setup starts Azurite');
  const inner = BlobJsonStore.fromConnectionString(connection, `r${randomBytes(6).toString('hex')}`);
  const reads: string[] = [];
  const store: JsonStore = {
    get: (key) => {
      reads.push(key);
      return inner.get(key);
    },
    create: (key, value) => inner.create(key, value),
    replace: (key, value, etag) => inner.replace(key, value, etag),
    list: (prefix) => inner.list(prefix),
    delete: (key) => inner.delete(key),
  };
  return { store, reads };
}

const at = (minute: number) => new Date(Date.UTC(2026, 10, 24, 9, minute));
const incident = (id: string, minute: number, managerIds: string[] = []): Case => ({
  ...newIncident({ id, ownerId: 'mette', departmentId: 'd', locale: 'da', now: at(minute) }),
  managerIds,
});

describe('CaseRepository: "My cases" on Azurite', () => {
  it('lists open cases newest first and skips closed ones without reading them', async () => {
    const { store, reads } = countingStore();
    const repo = new CaseRepository(store);
    for (const [id, minute] of [
      ['caseaaaa0001', 1],
      ['caseaaaa0002', 3],
      ['caseaaaa0003', 2],
    ] as const)
      expect(await repo.create(incident(id, minute, ['lars']))).toBe('created');

    const stored = await repo.get('caseaaaa0002');
    if (!stored) throw new Error('not stored');
    const closed: Case = { ...stored.value, status: 'closed', rev: stored.value.rev + 1, updatedAt: at(9).toISOString() };
    expect(await repo.replace(closed, stored.etag)).toBe('saved');
    // The co-manager's index gets the marker too.
    for (const user of ['mette', 'lars']) {
      reads.length = 0;
      expect(await repo.openFor(user, (c) => c.id)).toEqual(['caseaaaa0003', 'caseaaaa0001']);
      expect(reads).not.toContain('cases/caseaaaa0002.json');
      expect(reads.filter((k) => k.startsWith('cases/'))).toHaveLength(2);
    }
    expect(await repo.openFor('someone-else', (c) => c.id)).toEqual([]);
  });

  it('still leaves a closed case out when its marker was never written, and deleting removes the marker', async () => {
    const { store } = countingStore();
    const repo = new CaseRepository(store);
    await repo.create(incident('casebbbb0001', 1));
    const stored = await repo.get('casebbbb0001');
    if (!stored) throw new Error('not stored');
    // As if the instance died between saving the case and writing the marker.
    await store.replace('cases/casebbbb0001.json', { ...stored.value, status: 'closed' }, stored.etag);
    expect(await repo.openFor('mette', (c) => c.id)).toEqual([]);

    const again = await repo.get('casebbbb0001');
    if (!again) throw new Error('not stored');
    await repo.replace({ ...again.value, rev: again.value.rev + 1 }, again.etag);
    expect((await store.list('index/')).some((k) => k.endsWith('/closed/casebbbb0001'))).toBe(true);
    await repo.delete(again.value, 'owner', at(30));
    expect((await store.list('index/')).filter((k) => k.includes('casebbbb0001'))).toEqual([]);
  });
});
