import type { Case } from '../domain/case';
import type { CaseRepository } from './case-repository';
import type { Stored } from './json-store';

/** What a sweep does with one stored case: an outcome to count, or 'none' when it leaves the case alone. */
export type CaseStep<O extends string> = (stored: Stored<Case>) => Promise<O | 'none'>;

/**
 * Reads every stored case once and offers it to each step in turn, until one acts on it (its eTag is then spent).
 * One case that cannot be handled (storage) does not hold up the others; it is counted as failed and the next
 * sweep tries it again.
 */
export async function sweepCases<O extends string>(
  cases: CaseRepository,
  steps: readonly CaseStep<O>[],
): Promise<{ counts: Partial<Record<O, number>>; failed: number }> {
  const counts: Partial<Record<O, number>> = {};
  let failed = 0;
  for (const id of await cases.allIds()) {
    try {
      const stored = await cases.get(id);
      if (!stored) continue;
      for (const step of steps) {
        const outcome = await step(stored);
        if (outcome === 'none') continue;
        counts[outcome] = (counts[outcome] ?? 0) + 1;
        break;
      }
    } catch {
      failed += 1;
    }
  }
  return { counts, failed };
}
