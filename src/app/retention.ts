import type { Case } from '../domain/case';
import type { Policy } from '../domain/policy';
import { retentionStep } from '../domain/retention';
import type { CaseRepository } from './case-repository';
import type { EvidencePort } from './evidence-port';
import type { View } from './screens';
import { type CaseStep, sweepCases } from './sweep-cases';

/** Reaches a user in their 1:1 chat with the bot, outside any turn. */
export interface OwnerNotifier {
  notify(userId: string, view: View): Promise<boolean>;
}

export interface RetentionDeps {
  readonly cases: CaseRepository;
  readonly policy: Policy;
  readonly clock: { now(): Date };
  readonly notifier: OwnerNotifier;
  /** The case's evidence files go with it. */
  readonly evidence?: Pick<EvidencePort, 'deleteCase'>;
}

/**
 * Deletes closed cases when the policy's period has run out, after warning the owner in Teams.
 * Every instance may run it: the warning is claimed with the case's eTag first, so it is sent once.
 */
export class RetentionSweep {
  constructor(private readonly deps: RetentionDeps) {}

  async run(): Promise<{ warned: number; deleted: number; failed: number }> {
    const { counts, failed } = await sweepCases(this.deps.cases, [this.step]);
    return { warned: counts.warned ?? 0, deleted: counts.deleted ?? 0, failed };
  }

  /** One case: delete it, warn its owner, or leave it. */
  readonly step: CaseStep<'warned' | 'deleted'> = async (stored) => {
    const { cases, policy, clock } = this.deps;
    const now = clock.now();
    const step = retentionStep(stored.value, policy, now);
    if (step.kind === 'delete') {
      await this.deps.evidence?.deleteCase(stored.value.id);
      await cases.delete(stored.value, 'retention', now);
      return 'deleted';
    }
    if (step.kind !== 'warn') return 'none';
    // No chat known yet: nothing to claim; the warning goes out once the owner has written to the bot.
    const prefs = await cases.prefs(stored.value.ownerId);
    if (!prefs.reference) return 'none';
    const claimed: Case = { ...stored.value, retentionWarnedAt: now.toISOString() };
    if ((await cases.replace(claimed, stored.etag)) !== 'saved') return 'none';
    const locale = prefs.locale ?? claimed.locale;
    const sent = await this.deps.notifier
      .notify(claimed.ownerId, { locale, screen: { kind: 'retention', caseId: claimed.id, deleteOn: step.deleteOn } })
      .catch(() => false);
    if (sent) return 'warned';
    // Not delivered: the warning comes once in a case's life, so take the claim back and let a later run try again.
    const again = await cases.get(claimed.id);
    if (again && again.value.retentionWarnedAt === claimed.retentionWarnedAt) {
      const { retentionWarnedAt: _, ...rest } = again.value;
      await cases.replace(rest as Case, again.etag);
    }
    return 'none';
  };
}
