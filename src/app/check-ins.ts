import { checkInStep, claimCheckIn } from '../domain/follow-up';
import type { Policy } from '../domain/policy';
import type { CaseRepository } from './case-repository';
import type { OwnerNotifier } from './retention';
import { type CaseStep, sweepCases } from './sweep-cases';

export interface CheckInDeps {
  readonly cases: CaseRepository;
  readonly policy: Policy;
  readonly clock: { now(): Date };
  readonly notifier: OwnerNotifier;
}

/**
 * Sends the employee's check-ins ("Hvordan har du det med sagen nu?") when they are due (domain/follow-up.ts says
 * when), in the employee's own chat once they have opened it. Like the reminders: claimed with the case's eTag
 * first, so two instances send it once, and attempted once.
 */
export class CheckInSweep {
  constructor(private readonly deps: CheckInDeps) {}

  /** A pass of its own (main.ts runs the step inside the hourly sweep). */
  async run(): Promise<{ sent: number; undelivered: number; failed: number }> {
    const { counts, failed } = await sweepCases(this.deps.cases, [this.step]);
    return { sent: counts.checkIn ?? 0, undelivered: counts.checkInUndelivered ?? 0, failed };
  }

  readonly step: CaseStep<'checkIn' | 'checkInUndelivered'> = async (stored) => {
    const { cases, policy, clock, notifier } = this.deps;
    const c = stored.value;
    if (c.kind !== 'incident' || c.status !== 'plan' || !c.followUps?.some((f) => f.status === 'active')) return 'none';
    // Someone who never opened the chat has no address: nothing is claimed until they do.
    const reachable = new Set<string>();
    for (const f of c.followUps) if (f.status === 'active' && (await cases.prefs(f.employeeId)).reference) reachable.add(f.employeeId);
    const step = checkInStep(c, policy, clock.now(), (id) => reachable.has(id));
    if (step.kind !== 'send') return 'none';
    if ((await cases.replace(claimCheckIn(c, step), stored.etag)) !== 'saved') return 'none';
    const locale = (await cases.prefs(step.employeeId)).locale ?? c.locale;
    const view = { locale, screen: { kind: 'checkIn' as const, caseId: c.id, checkIn: step.checkIn } };
    return (await notifier.notify(step.employeeId, view).catch(() => false)) ? 'checkIn' : 'checkInUndelivered';
  };
}
