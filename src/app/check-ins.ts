import type { Case } from '../domain/case';
import { checkInStep, claimAnswerNotice, claimCheckIn, untoldAnswer } from '../domain/follow-up';
import type { Policy } from '../domain/policy';
import type { CaseRepository } from './case-repository';
import type { Stored } from './json-store';
import type { OwnerNotifier } from './retention';
import { type CaseStep, sweepCases } from './sweep-cases';

/**
 * Tells each of the case's managers, in their own chat and language, of an employee's answer not yet told: claimed with
 * the eTag first, so it goes out once from any number of instances and retries; attempted once, like a reminder.
 * 'conflict': somebody saved first; read the case again.
 */
export async function tellManagers(
  deps: { readonly cases: CaseRepository; readonly clock: { now(): Date }; readonly notifier?: OwnerNotifier | undefined },
  stored: Stored<Case>,
): Promise<'told' | 'conflict' | 'none'> {
  const { cases, clock, notifier } = deps;
  const c = stored.value;
  const untold = c.kind === 'incident' ? untoldAnswer(c) : undefined;
  const answer = untold?.checkIn.answer;
  if (c.kind !== 'incident' || !notifier || !untold || !answer) return 'none';
  const claimed = claimAnswerNotice(c, untold.employeeId, untold.checkIn.kind, clock.now());
  if ((await cases.replace(claimed, stored.etag)) !== 'saved') return 'conflict';
  await Promise.all(
    [c.ownerId, ...c.managerIds].map(async (id) => {
      const locale = (await cases.prefs(id).catch(() => ({ locale: undefined }))).locale ?? c.locale;
      await notifier.notify(id, { locale, screen: { kind: 'checkInAnswered', caseId: c.id, answer } }).catch(() => false);
    }),
  );
  return 'told';
}

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

  readonly step: CaseStep<'checkIn' | 'checkInUndelivered' | 'answerTold'> = async (stored) => {
    const { cases, policy, clock, notifier } = this.deps;
    const c = stored.value;
    // An answer whose notification was cut off (a crash right after it was saved) goes out now.
    if (c.kind === 'incident' && untoldAnswer(c)) return (await tellManagers(this.deps, stored)) === 'told' ? 'answerTold' : 'none';
    if (c.kind !== 'incident' || c.status !== 'plan' || !c.followUps?.some((f) => f.status === 'active')) return 'none';
    const now = clock.now();
    // Nothing is read on a night, a weekend or a case with nothing due, whoever could be reached.
    if (checkInStep(c, policy, now, () => true).kind === 'none') return 'none';
    // Someone who never opened the chat has no address: nothing is claimed until they do.
    const prefs = new Map<string, Awaited<ReturnType<typeof cases.prefs>>>();
    for (const f of c.followUps) if (f.status === 'active') prefs.set(f.employeeId, await cases.prefs(f.employeeId));
    const step = checkInStep(c, policy, now, (id) => Boolean(prefs.get(id)?.reference));
    if (step.kind !== 'send') return 'none';
    if ((await cases.replace(claimCheckIn(c, step), stored.etag)) !== 'saved') return 'none';
    const locale = prefs.get(step.employeeId)?.locale ?? c.locale;
    const view = { locale, screen: { kind: 'checkIn' as const, caseId: c.id, checkIn: step.checkIn } };
    return (await notifier.notify(step.employeeId, view).catch(() => false)) ? 'checkIn' : 'checkInUndelivered';
  };
}
