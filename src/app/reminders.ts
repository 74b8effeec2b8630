import type { Case } from '../domain/case';
import type { Policy } from '../domain/policy';
import { reminderStep } from '../domain/reminders';
import type { CaseRepository } from './case-repository';
import type { OwnerNotifier } from './retention';
import { sweepCases } from './sweep-cases';

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
    const { counts, failed } = await sweepCases(this.deps.cases, (id) => this.remind(id));
    return { reminded: counts.sent ?? 0, undelivered: counts.undelivered ?? 0, failed };
  }

  private async remind(id: string): Promise<'sent' | 'undelivered' | 'none'> {
    const { cases, policy, clock, notifier } = this.deps;
    const stored = await cases.get(id);
    if (!stored) return 'none';
    const step = reminderStep(stored.value, policy, clock.now());
    if (step.kind !== 'remind') return 'none';
    // Someone who never wrote to the bot has no chat to send to: nothing is claimed until they do.
    const prefs = await cases.prefs(stored.value.ownerId);
    if (!prefs.reference) return 'none';
    const claimed: Case = { ...stored.value, remindedOn: step.today };
    if ((await cases.replace(claimed, stored.etag)) !== 'saved') return 'none';
    const view = {
      locale: prefs.locale ?? claimed.locale,
      screen: { kind: 'reminder' as const, caseId: id, today: step.today, due: step.due },
    };
    return (await notifier.notify(claimed.ownerId, view).catch(() => false)) ? 'sent' : 'undelivered';
  }
}
