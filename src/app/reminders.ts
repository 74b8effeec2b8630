import type { Case } from '../domain/case';
import type { Policy } from '../domain/policy';
import { reminderStep } from '../domain/reminders';
import type { CaseRepository } from './case-repository';
import type { OwnerNotifier } from './retention';

export interface ReminderDeps {
  readonly cases: CaseRepository;
  readonly policy: Policy;
  readonly clock: { now(): Date };
  readonly notifier: OwnerNotifier;
}

/**
 * Reminds owners in Teams of plan actions that are due or overdue, at most once a day per case.
 * Every instance may run it: the day is claimed with the case's eTag first, so one reminder goes out.
 * The claim does not change the revision, so the card the manager has open stays current.
 */
export class ReminderSweep {
  constructor(private readonly deps: ReminderDeps) {}

  async run(): Promise<{ reminded: number }> {
    const { cases, policy, clock } = this.deps;
    let reminded = 0;
    for (const id of await cases.allIds()) {
      const stored = await cases.get(id);
      if (!stored) continue;
      const step = reminderStep(stored.value, policy, clock.now());
      if (step.kind !== 'remind') continue;
      const claimed: Case = { ...stored.value, remindedOn: step.today };
      if ((await cases.replace(claimed, stored.etag)) !== 'saved') continue;
      const locale = (await cases.prefs(claimed.ownerId)).locale ?? claimed.locale;
      const sent = await this.deps.notifier
        .notify(claimed.ownerId, { locale, screen: { kind: 'reminder', caseId: claimed.id, today: step.today, due: step.due } })
        .catch(() => false);
      if (sent) reminded += 1;
      else {
        // Not delivered (no chat known yet, or Teams unreachable): take the claim back so a later run tries again.
        const again = await cases.get(id);
        if (again && again.value.remindedOn === step.today) {
          const { remindedOn: _, ...rest } = again.value;
          await cases.replace(rest as Case, again.etag);
        }
      }
    }
    return { reminded };
  }
}
