import type { PersonRef, Warning } from './case';
import { compareDates, type IsoDate, isIsoDate } from './dates';
import { isTrue, LIMITS, splitIds } from './intake';
import type { Policy } from './policy';
import { cleanLine, cleanText, length, truncate } from './text';

export interface WarningValues {
  readonly employees: readonly string[];
  readonly description: string;
  readonly notedOn: string;
  readonly taken: readonly string[];
}

export type WarningErrors = Partial<
  Record<'employees' | 'description' | 'notedOn', 'required' | 'tooLong' | 'tooMany' | 'unknownChoice' | 'dateInvalid' | 'dateFuture'>
>;

export type WarningResult =
  | { ok: true; warning: Warning; values: WarningValues }
  | { ok: false; errors: WarningErrors; values: WarningValues };

export function validateWarning(
  raw: Record<string, unknown>,
  policy: Policy,
  members: readonly PersonRef[],
  today: IsoDate,
): WarningResult {
  const values: WarningValues = {
    employees: splitIds(raw.employees).slice(0, LIMITS.employees * 2),
    description: truncate(cleanText(raw.description), LIMITS.description),
    notedOn: truncate(cleanLine(raw.notedOn), 10),
    taken: policy.warning.suggestions.map((s) => s.id).filter((id) => isTrue(raw[`s_${id}`])),
  };
  const errors: { -readonly [K in keyof WarningErrors]: WarningErrors[K] } = {};
  const byId = new Map(members.map((m) => [m.id, m]));
  const employees: PersonRef[] = [];
  for (const id of new Set(values.employees)) {
    const m = byId.get(id);
    if (m) employees.push({ id: m.id, name: m.name });
    else errors.employees = 'unknownChoice';
  }
  if (!values.employees.length) errors.employees = 'required';
  else if (employees.length > LIMITS.employees) errors.employees = 'tooMany';
  if (!values.description) errors.description = 'required';
  else if (length(cleanText(raw.description)) > LIMITS.description) errors.description = 'tooLong';
  if (!values.notedOn) errors.notedOn = 'required';
  else if (!isIsoDate(values.notedOn)) errors.notedOn = 'dateInvalid';
  else if (compareDates(values.notedOn, today) > 0) errors.notedOn = 'dateFuture';
  if (Object.keys(errors).length) return { ok: false, errors, values };
  return { ok: true, values, warning: { employees, description: values.description, notedOn: values.notedOn, taken: values.taken } };
}

export function warningValues(w: Warning): WarningValues {
  return { employees: w.employees.map((e) => e.id), description: w.description, notedOn: w.notedOn, taken: w.taken };
}
