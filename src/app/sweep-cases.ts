import type { CaseRepository } from './case-repository';

/**
 * Runs `handle` on every stored case and counts what it did. One case that cannot be handled (storage)
 * does not hold up the others; it is counted as failed and the next sweep tries it again.
 */
export async function sweepCases<O extends string>(
  cases: CaseRepository,
  handle: (id: string) => Promise<O | 'none'>,
): Promise<{ counts: Partial<Record<O, number>>; failed: number }> {
  const counts: Partial<Record<O, number>> = {};
  let failed = 0;
  for (const id of await cases.allIds()) {
    try {
      const outcome = await handle(id);
      if (outcome !== 'none') counts[outcome as O] = (counts[outcome as O] ?? 0) + 1;
    } catch {
      failed += 1;
    }
  }
  return { counts, failed };
}
