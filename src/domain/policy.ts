import type { Localized } from './i18n';

/**
 * The response procedure and decision table as data (domain.md §8 and §9).
 * A municipality can point POLICY_FILE at its own copy; parsePolicy checks it.
 */
export interface Policy {
  readonly version: 1;
  readonly id: string;
  readonly name: Localized;
  /** The yes/no questions on the intake card, in the order shown. */
  readonly characteristics: readonly CharacteristicDef[];
  /** Every action the plan can hold, recommended or added by hand. */
  readonly actions: readonly ActionDef[];
  /** Decision-table rows: characteristics → recommended actions. */
  readonly rules: readonly RuleDef[];
  /** Draft texts with {{placeholders}}, one per draft id. */
  readonly drafts: Readonly<Record<string, DraftDef>>;
  /** The early-warning card's suggestions (DS advice). */
  readonly warning: WarningDef;
  /** The support meeting: a neutral subject and agenda, never the publication or the allegations. */
  readonly meeting: MeetingDef;
  /** How long a closed case is kept, and how many days before deletion its owner is warned. */
  readonly retention: { readonly closedCaseMonths: number; readonly warnDays: number };
  /** Reminders to the owner about open plan actions that are due or overdue. Absent: on, 08–16. */
  readonly reminders?: ReminderDef;
}

export interface ReminderDef {
  readonly enabled: boolean;
  /** The hour (Copenhagen, 0–23) from which a working day's reminder may be sent. */
  readonly fromHour: number;
  /** The hour (Copenhagen, 1–24) from which none is sent any more that day; 16 when left out. */
  readonly untilHour?: number;
}

export const DEFAULT_REMINDERS = { enabled: true, fromHour: 8, untilHour: 16 } as const satisfies Required<ReminderDef>;

export interface MeetingDef {
  readonly subject: Localized;
  readonly agenda: Localized;
  readonly durationMinutes: number;
}

export interface CharacteristicDef {
  readonly id: string;
  readonly label: Localized;
  /** A few words for "why" lines ("direkte trussel"); the label is used when missing. */
  readonly short?: Localized;
  readonly help?: Localized;
}

export type ActionKind = 'emergency' | 'task' | 'meeting' | 'channelPost';

export interface ActionDef {
  readonly id: string;
  readonly kind: ActionKind;
  readonly title: Localized;
  /** Who does it, in words ("Nærmeste leder", "Medarbejderen med støtte fra HR/jura"). */
  readonly owner: Localized;
  readonly due: DueRule;
  /** How the deadline reads on the card ("Inden 72 timer"); the computed date is shown beside it. */
  readonly dueLabel?: Localized;
  /** Only bases marked ✔ in domain.md; anything uncertain goes in `caveat`. */
  readonly legalBasis: readonly LegalRef[];
  readonly caveat?: Localized;
  readonly draft?: string;
  /** Lower comes first on the cards. */
  readonly priority: number;
}

/** A deadline counted from the date the publication was discovered. */
export interface DueRule {
  readonly days?: number;
  readonly workingDays?: number;
  readonly months?: number;
  readonly hours?: number;
}

export interface LegalRef {
  /** Short citation for the overview ("Straffeloven § 119, stk. 1"). */
  readonly cite: Localized;
  /** What it says and why it matters here, shown in the action's details. */
  readonly text: Localized;
  /** Source ids from domain.md (e.g. "S4", "V7"), so a reviewer can trace every claim. */
  readonly sources: readonly string[];
}

export interface RuleDef {
  readonly id: string;
  readonly when: Condition;
  readonly recommend: readonly string[];
  readonly reason: Localized;
}

/** `always`, or characteristics: any of / all of / none of. An empty condition never matches. */
export type Condition =
  | { readonly always: true }
  | { readonly any?: readonly string[]; readonly all?: readonly string[]; readonly none?: readonly string[] };

export interface DraftDef {
  readonly title: Localized;
  readonly body: Localized;
}

export interface WarningDef {
  readonly suggestions: readonly { readonly id: string; readonly text: Localized }[];
  readonly journalDraft: string;
}

/** Expected failure: a human-readable list of what is wrong with a policy file. */
export type PolicyResult = { ok: true; policy: Policy } | { ok: false; errors: string[] };

const ID = /^[a-zA-Z][a-zA-Z0-9_-]{0,63}$/;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function checkLocalized(v: unknown, where: string, errors: string[]): void {
  if (!isObject(v) || typeof v.da !== 'string' || typeof v.en !== 'string' || !v.da.trim() || !v.en.trim()) {
    errors.push(`${where}: needs non-empty "da" and "en" texts`);
  }
}

function checkIdList(list: unknown, known: Set<string>, where: string, errors: string[]): void {
  if (list === undefined) return;
  if (!Array.isArray(list)) {
    errors.push(`${where}: must be a list of ids`);
    return;
  }
  for (const id of list) {
    if (typeof id !== 'string' || !known.has(id)) errors.push(`${where}: unknown id ${JSON.stringify(id)}`);
  }
}

function uniqueIds(list: readonly { id?: unknown }[], where: string, errors: string[]): Set<string> {
  const seen = new Set<string>();
  list.forEach((item, i) => {
    const id = item?.id;
    if (typeof id !== 'string' || !ID.test(id)) errors.push(`${where}[${i}].id: must match ${ID}`);
    else if (seen.has(id)) errors.push(`${where}[${i}].id: duplicate "${id}"`);
    else seen.add(id);
  });
  return seen;
}

const PLACEHOLDER = /\{\{\s*([a-zA-Z][a-zA-Z0-9]*)\s*\}\}/g;
/** The placeholders a draft may use; see drafts.ts. */
export const DRAFT_PLACEHOLDERS = new Set([
  'employees',
  'urls',
  'platform',
  'discoveredOn',
  'today',
  'manager',
  'department',
  'caseRef',
  'characteristics',
  'esdhRef',
  'trName',
  'amrName',
]);

/** Validates a parsed policy document; every problem is reported, not just the first. */
export function parsePolicy(doc: unknown): PolicyResult {
  const errors: string[] = [];
  if (!isObject(doc)) return { ok: false, errors: ['the policy must be a JSON object'] };
  if (doc.version !== 1) errors.push('version: must be 1');
  if (typeof doc.id !== 'string' || !ID.test(doc.id)) errors.push('id: must be a short identifier');
  checkLocalized(doc.name, 'name', errors);
  const chars = Array.isArray(doc.characteristics) ? (doc.characteristics as Record<string, unknown>[]) : [];
  const actions = Array.isArray(doc.actions) ? (doc.actions as Record<string, unknown>[]) : [];
  const rules = Array.isArray(doc.rules) ? (doc.rules as Record<string, unknown>[]) : [];
  if (!chars.length) errors.push('characteristics: must be a non-empty list');
  if (!actions.length) errors.push('actions: must be a non-empty list');
  if (!rules.length) errors.push('rules: must be a non-empty list');
  const drafts = isObject(doc.drafts) ? doc.drafts : {};
  if (!isObject(doc.drafts)) errors.push('drafts: must be an object of draft id → {title, body}');

  const charIds = uniqueIds(chars, 'characteristics', errors);
  chars.forEach((c, i) => {
    checkLocalized(c.label, `characteristics[${i}].label`, errors);
    if (c.help !== undefined) checkLocalized(c.help, `characteristics[${i}].help`, errors);
    if (c.short !== undefined) checkLocalized(c.short, `characteristics[${i}].short`, errors);
  });

  for (const [id, d] of Object.entries(drafts)) {
    if (!ID.test(id)) errors.push(`drafts.${id}: bad id`);
    if (!isObject(d)) {
      errors.push(`drafts.${id}: must be {title, body}`);
      continue;
    }
    checkLocalized(d.title, `drafts.${id}.title`, errors);
    checkLocalized(d.body, `drafts.${id}.body`, errors);
    if (isObject(d.body)) {
      for (const text of [d.body.da, d.body.en]) {
        for (const m of String(text).matchAll(PLACEHOLDER)) {
          if (!DRAFT_PLACEHOLDERS.has(m[1] as string)) errors.push(`drafts.${id}: unknown placeholder {{${m[1]}}}`);
        }
      }
    }
  }

  const actionIds = uniqueIds(actions, 'actions', errors);
  const kinds = new Set(['emergency', 'task', 'meeting', 'channelPost']);
  actions.forEach((a, i) => {
    const at = `actions[${i}]`;
    if (!kinds.has(a.kind as string)) errors.push(`${at}.kind: must be one of ${[...kinds].join(', ')}`);
    checkLocalized(a.title, `${at}.title`, errors);
    checkLocalized(a.owner, `${at}.owner`, errors);
    if (a.dueLabel !== undefined) checkLocalized(a.dueLabel, `${at}.dueLabel`, errors);
    if (a.caveat !== undefined) checkLocalized(a.caveat, `${at}.caveat`, errors);
    if (typeof a.priority !== 'number' || !Number.isFinite(a.priority)) errors.push(`${at}.priority: must be a number`);
    const due = a.due;
    if (!isObject(due)) errors.push(`${at}.due: must be an object like {"days": 2}`);
    else {
      for (const [k, v] of Object.entries(due)) {
        if (!['days', 'workingDays', 'months', 'hours'].includes(k)) errors.push(`${at}.due.${k}: unknown unit`);
        else if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 1000)
          errors.push(`${at}.due.${k}: must be a whole number from 0 to 1000`);
      }
    }
    if (!Array.isArray(a.legalBasis)) errors.push(`${at}.legalBasis: must be a list (may be empty)`);
    else
      (a.legalBasis as unknown[]).forEach((ref, j) => {
        if (!isObject(ref)) errors.push(`${at}.legalBasis[${j}]: must be {cite, text, sources}`);
        else {
          checkLocalized(ref.cite, `${at}.legalBasis[${j}].cite`, errors);
          checkLocalized(ref.text, `${at}.legalBasis[${j}].text`, errors);
          if (!Array.isArray(ref.sources) || !ref.sources.length) errors.push(`${at}.legalBasis[${j}].sources: name at least one source`);
        }
      });
    if (a.draft !== undefined && (typeof a.draft !== 'string' || !(a.draft in drafts)))
      errors.push(`${at}.draft: unknown draft ${JSON.stringify(a.draft)}`);
  });

  uniqueIds(rules, 'rules', errors);
  rules.forEach((r, i) => {
    const at = `rules[${i}]`;
    checkLocalized(r.reason, `${at}.reason`, errors);
    checkIdList(r.recommend, actionIds, `${at}.recommend`, errors);
    if (!Array.isArray(r.recommend) || !r.recommend.length) errors.push(`${at}.recommend: must name actions`);
    const w = r.when;
    if (!isObject(w)) errors.push(`${at}.when: must be {"always": true} or {"any"|"all"|"none": [...]}`);
    else if (w.always !== true) {
      for (const k of Object.keys(w)) if (!['any', 'all', 'none'].includes(k)) errors.push(`${at}.when.${k}: unknown`);
      checkIdList(w.any, charIds, `${at}.when.any`, errors);
      checkIdList(w.all, charIds, `${at}.when.all`, errors);
      checkIdList(w.none, charIds, `${at}.when.none`, errors);
      const count = ['any', 'all'].reduce((n, k) => n + ((w[k] as unknown[] | undefined)?.length ?? 0), 0);
      if (!count) errors.push(`${at}.when: needs "any" or "all" (or "always": true)`);
    }
  });

  const warning = doc.warning;
  if (!isObject(warning)) errors.push('warning: must be {suggestions, journalDraft}');
  else {
    if (!Array.isArray(warning.suggestions)) errors.push('warning.suggestions: must be a list');
    else {
      uniqueIds(warning.suggestions as { id?: unknown }[], 'warning.suggestions', errors);
      (warning.suggestions as Record<string, unknown>[]).forEach((s, i) => {
        checkLocalized(s.text, `warning.suggestions[${i}].text`, errors);
      });
    }
    if (typeof warning.journalDraft !== 'string' || !(warning.journalDraft in drafts))
      errors.push('warning.journalDraft: must name a draft');
  }

  const meeting = doc.meeting;
  if (!isObject(meeting)) errors.push('meeting: must be {subject, agenda, durationMinutes}');
  else {
    checkLocalized(meeting.subject, 'meeting.subject', errors);
    checkLocalized(meeting.agenda, 'meeting.agenda', errors);
    const m = meeting.durationMinutes;
    if (typeof m !== 'number' || !Number.isInteger(m) || m < 15 || m > 240)
      errors.push('meeting.durationMinutes: must be a whole number from 15 to 240');
  }

  const retention = doc.retention;
  if (!isObject(retention)) errors.push('retention: must be {closedCaseMonths, warnDays}');
  else {
    const months = retention.closedCaseMonths;
    const warn = retention.warnDays;
    if (typeof months !== 'number' || !Number.isInteger(months) || months < 1 || months > 120)
      errors.push('retention.closedCaseMonths: must be a whole number of months from 1 to 120');
    if (typeof warn !== 'number' || !Number.isInteger(warn) || warn < 1 || warn > 90)
      errors.push('retention.warnDays: must be a whole number of days from 1 to 90');
  }

  const reminders = doc.reminders;
  if (reminders !== undefined) {
    const hour = (v: unknown, min: number, max: number) => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
    if (!isObject(reminders) || typeof reminders.enabled !== 'boolean')
      errors.push('reminders: must be {enabled: true|false, fromHour, untilHour}, or left out (on, 8 to 16)');
    else if (!hour(reminders.fromHour, 0, 23)) errors.push('reminders.fromHour: must be a whole hour from 0 to 23 (Danish time)');
    else if (
      reminders.untilHour !== undefined &&
      !(hour(reminders.untilHour, 1, 24) && Number(reminders.untilHour) > Number(reminders.fromHour))
    )
      errors.push('reminders.untilHour: must be a whole hour after fromHour, at most 24 (Danish time)');
  }

  return errors.length ? { ok: false, errors } : { ok: true, policy: doc as unknown as Policy };
}
