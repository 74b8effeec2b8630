import type { Case } from '../domain/case';
import type { Policy } from '../domain/policy';
import { reminderStep } from '../domain/reminders';
import type { CaseRepository } from './case-repository';
import type { OwnerNotifier } from './retention';
import { type CaseStep, sweepCases } from './sweep-cases';

export interface ReminderDeps {
  readonly cases: CaseRepository;
  readonly policy: Policy;
  readonly clock: { now(): Date };
  readonly notifier: OwnerNotifier;
}

export interface ReminderResult {
  readonly reminded: number;
  /** Claimed but Teams did not take the card; not tried again that day. */
  readonly undelivered: number;
  /** Cases the sweep could not handle (storage); the next sweep tries them again. */
  readonly failed: number;
}

/**
 * Reminds owners in Teams of plan actions that are due or overdue (domain/reminders.ts says when).
 * Every instance may run it: the day is claimed with the case's eTag first, so one reminder goes out, and it is
 * attempted once — a reminder that could not be delivered is not retried that day, so a chat Teams refuses costs
 * one write a day, not one an hour. The claim does not change the revision: the manager's open card stays current.
 */
export class ReminderSweep {
  constructor(private readonly deps: ReminderDeps) {}

  async run(): Promise<ReminderResult> {
    const { counts, failed } = await sweepCases(this.deps.cases, [this.step]);
    return { reminded: counts.sent ?? 0, undelivered: counts.undelivered ?? 0, failed };
  }

  /** One case: remind its owner, or leave it. */
  readonly step: CaseStep<'sent' | 'undelivered'> = async (stored) => {
    const { cases, policy, clock, notifier } = this.deps;
    const step = reminderStep(stored.value, policy, clock.now());
    if (step.kind !== 'remind') return 'none';
    // Someone who never wrote to the bot has no chat to send to: nothing is claimed until they do.
    const prefs = await cases.prefs(stored.value.ownerId);
    if (!prefs.reference) return 'none';
    const claimed: Case = { ...stored.value, remindedOn: step.today };
    if ((await cases.replace(claimed, stored.etag)) !== 'saved') return 'none';
    const view = {
      locale: prefs.locale ?? claimed.locale,
      screen: { kind: 'reminder' as const, caseId: claimed.id, today: step.today, due: step.due },
    };
    return (await notifier.notify(claimed.ownerId, view).catch(() => false)) ? 'sent' : 'undelivered';
  };
}
