import type { Case } from '../domain/case';
import type { Policy } from '../domain/policy';
import { retentionStep } from '../domain/retention';
import type { CaseRepository } from './case-repository';
import type { View } from './screens';

/** Reaches a user in their 1:1 chat with the bot, outside any turn. */
export interface OwnerNotifier {
  notify(userId: string, view: View): Promise<boolean>;
}

export interface RetentionDeps {
  readonly cases: CaseRepository;
  readonly policy: Policy;
  readonly clock: { now(): Date };
  readonly notifier: OwnerNotifier;
}

/**
 * Deletes closed cases when the policy's period has run out, after warning the owner in Teams.
 * Every instance may run it: the warning is claimed with the case's eTag first, so it is sent once.
 */
export class RetentionSweep {
  constructor(private readonly deps: RetentionDeps) {}

  async run(): Promise<{ warned: number; deleted: number }> {
    const { cases, policy, clock } = this.deps;
    let warned = 0;
    let deleted = 0;
    for (const id of await cases.allIds()) {
      const stored = await cases.get(id);
      if (!stored) continue;
      const now = clock.now();
      const step = retentionStep(stored.value, policy, now);
      if (step.kind === 'delete') {
        await cases.delete(stored.value, 'retention', now);
        deleted += 1;
      } else if (step.kind === 'warn') {
        const claimed: Case = { ...stored.value, retentionWarnedAt: now.toISOString() };
        if ((await cases.replace(claimed, stored.etag)) !== 'saved') continue;
        const locale = (await cases.prefs(claimed.ownerId)).locale ?? claimed.locale;
        const sent = await this.deps.notifier
          .notify(claimed.ownerId, { locale, screen: { kind: 'retention', caseId: claimed.id, deleteOn: step.deleteOn } })
          .catch(() => false);
        if (sent) warned += 1;
        else {
          // Not delivered: take the claim back so a later run tries again.
          const again = await cases.get(id);
          if (again && again.value.retentionWarnedAt === claimed.retentionWarnedAt) {
            const { retentionWarnedAt: _, ...rest } = again.value;
            await cases.replace(rest as Case, again.etag);
          }
        }
      }
    }
    return { warned, deleted };
  }
}
