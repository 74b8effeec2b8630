import type { Intake, PersonRef } from './case';
import { addMonths, compareDates, type IsoDate, isIsoDate } from './dates';
import type { Policy } from './policy';
import { cleanLine, cleanText, length, parseWebUrl, truncate } from './text';

export const LIMITS = {
  employees: 10,
  urls: 10,
  url: 2048,
  description: 2000,
  reference: 200,
  platformOther: 100,
  posterName: 200,
  esdhRef: 60,
} as const;

import { PLATFORM_LABELS } from './platforms';

export const PLATFORMS = Object.keys(PLATFORM_LABELS) as (keyof typeof PLATFORM_LABELS)[];

/** Why a field was refused; cards turn the code into a sentence in the manager's language. */
export type FieldError = 'required' | 'tooLong' | 'tooMany' | 'urlInvalid' | 'dateInvalid' | 'dateFuture' | 'unknownChoice';

/** The values as they stand on the card, cleaned and capped, so a refused card comes back as it was typed. */
export interface IntakeValues {
  readonly employees: readonly string[];
  readonly urls: string;
  readonly platform: string;
  readonly discoveredOn: string;
  readonly description: string;
  readonly posterName: string;
  readonly esdhRef?: string;
  readonly employeeContacted: boolean;
  readonly evidenceSaved: boolean;
  readonly characteristics: readonly string[];
}

export type IntakeField = 'employees' | 'urls' | 'platform' | 'discoveredOn' | 'description' | 'posterName' | 'esdhRef';
export type IntakeErrors = Partial<Record<IntakeField, FieldError>> & { readonly badUrl?: string };

export type IntakeResult = { ok: true; intake: Intake; values: IntakeValues } | { ok: false; errors: IntakeErrors; values: IntakeValues };

const TRUE = new Set(['true', 'True', '1', 'on', 'yes']);
export function isTrue(value: unknown): boolean {
  return value === true || (typeof value === 'string' && TRUE.has(value));
}

/** Multi-select values arrive as "a,b,c". */
export function splitIds(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  if (typeof value !== 'string') return [];
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Reads the raw card input into values; never throws, whatever the payload holds. */
export function readIntakeValues(raw: Record<string, unknown>, policy: Policy): IntakeValues {
  return {
    employees: splitIds(raw.employees).slice(0, LIMITS.employees * 2),
    urls: truncate(cleanText(raw.urls), (LIMITS.url + 1) * LIMITS.urls),
    platform: truncate(cleanLine(raw.platform), 32),
    discoveredOn: truncate(cleanLine(raw.discoveredOn), 10),
    description: truncate(cleanText(raw.description), LIMITS.description),
    posterName: truncate(cleanLine(raw.posterName), LIMITS.posterName),
    esdhRef: truncate(cleanLine(raw.esdhRef), LIMITS.esdhRef),
    employeeContacted: isTrue(raw.employeeContacted),
    evidenceSaved: isTrue(raw.evidenceSaved),
    characteristics: policy.characteristics.map((c) => c.id).filter((id) => isTrue(raw[`c_${id}`])),
  };
}

/**
 * Checks the intake against the department's members and today's date.
 * Any past discovery date is accepted: no legal cut-off exists (police, takedown, support and EASY
 * still apply), so an old date only earns a note on the assessment (see `discoveredLongAgo`).
 */
export function validateIntake(raw: Record<string, unknown>, policy: Policy, members: readonly PersonRef[], today: IsoDate): IntakeResult {
  const values = readIntakeValues(raw, policy);
  const errors: { -readonly [K in keyof IntakeErrors]: IntakeErrors[K] } = {};

  const byId = new Map(members.map((m) => [m.id, m]));
  const employees: PersonRef[] = [];
  for (const id of new Set(values.employees)) {
    const m = byId.get(id);
    if (m) employees.push({ id: m.id, name: m.name, ...(m.upn ? { upn: m.upn } : {}) });
    else errors.employees = 'unknownChoice';
  }
  if (!values.employees.length) errors.employees = 'required';
  else if (employees.length > LIMITS.employees) errors.employees = 'tooMany';

  const urls: string[] = [];
  const lines = values.urls
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  for (const line of lines) {
    const url = length(line) <= LIMITS.url ? parseWebUrl(line) : undefined;
    if (!url) {
      errors.urls = length(line) > LIMITS.url ? 'tooLong' : 'urlInvalid';
      errors.badUrl = truncate(line, 80);
      break;
    }
    if (!urls.includes(url)) urls.push(url);
  }
  if (!lines.length) errors.urls = 'required';
  else if (!errors.urls && urls.length > LIMITS.urls) errors.urls = 'tooMany';

  if (!values.platform) errors.platform = 'required';
  else if (!(PLATFORMS as readonly string[]).includes(values.platform)) errors.platform = 'unknownChoice';

  if (!values.discoveredOn) errors.discoveredOn = 'required';
  else if (!isIsoDate(values.discoveredOn)) errors.discoveredOn = 'dateInvalid';
  else if (compareDates(values.discoveredOn, today) > 0) errors.discoveredOn = 'dateFuture';

  if (length(cleanLine(raw.posterName)) > LIMITS.posterName) errors.posterName = 'tooLong';
  if (length(cleanLine(raw.esdhRef)) > LIMITS.esdhRef) errors.esdhRef = 'tooLong';
  if (!values.description) errors.description = 'required';
  else if (length(cleanText(raw.description)) > LIMITS.description) errors.description = 'tooLong';

  if (Object.keys(errors).length) return { ok: false, errors, values };
  return {
    ok: true,
    values,
    intake: {
      employees,
      urls,
      platform: values.platform,
      discoveredOn: values.discoveredOn,
      description: values.description,
      ...(values.posterName ? { posterName: values.posterName } : {}),
      ...(values.esdhRef ? { esdhRef: values.esdhRef } : {}),
      employeeContacted: values.employeeContacted,
      evidenceSaved: values.evidenceSaved,
      characteristics: values.characteristics,
    },
  };
}

/** The values a saved intake shows when the card is drawn again (e.g. "edit" from the assessment). */
export function intakeValues(intake: Intake): IntakeValues {
  return {
    employees: intake.employees.map((e) => e.id),
    urls: intake.urls.join('\n'),
    platform: intake.platform,
    discoveredOn: intake.discoveredOn,
    description: intake.description,
    posterName: intake.posterName ?? '',
    esdhRef: intake.esdhRef ?? '',
    employeeContacted: intake.employeeContacted,
    evidenceSaved: intake.evidenceSaved,
    characteristics: intake.characteristics,
  };
}

/**
 * More than 6 months between discovery and today: the employee's own § 96 deadline for the privately
 * prosecuted offences may have run, which the assessment says plainly. Nothing else changes.
 */
export function discoveredLongAgo(discoveredOn: IsoDate, today: IsoDate): boolean {
  return compareDates(discoveredOn, addMonths(today, -6)) < 0;
}
