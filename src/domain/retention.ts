import type { Case } from './case';
import { addDays, addMonths, danishDate, type IsoDate } from './dates';
import type { Policy } from './policy';

/** What the retention rule says about a case today. */
export type RetentionStep = { readonly kind: 'keep' } | { readonly kind: 'warn'; readonly deleteOn: IsoDate } | { readonly kind: 'delete' };

/** The day a closed case is deleted: the policy's months after it was closed. Open cases are kept. */
export function deletionDate(c: Case, policy: Policy): IsoDate | undefined {
  if (c.status !== 'closed' && c.status !== 'escalated') return undefined;
  const closed = c.closedAt ?? c.updatedAt;
  return addMonths(danishDate(new Date(closed)), policy.retention.closedCaseMonths);
}

export function retentionStep(c: Case, policy: Policy, now: Date): RetentionStep {
  const deleteOn = deletionDate(c, policy);
  if (!deleteOn) return { kind: 'keep' };
  const today = danishDate(now);
  if (today >= deleteOn) return { kind: 'delete' };
  if (!c.retentionWarnedAt && today >= addDays(deleteOn, -policy.retention.warnDays)) return { kind: 'warn', deleteOn };
  return { kind: 'keep' };
}
