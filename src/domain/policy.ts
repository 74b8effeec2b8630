import type { z } from 'zod';
import { ID, ON_PARENT, type Policy, PolicySchema, type ReminderDef, UNTIL_HOUR_ERROR } from './policy-schema';

export type {
  ActionDef,
  ActionKind,
  CharacteristicDef,
  Condition,
  DraftDef,
  DueRule,
  LegalRef,
  MeetingDef,
  Policy,
  ReminderDef,
  RuleDef,
  StatisticKind,
  WarningDef,
} from './policy-schema';

export const DEFAULT_REMINDERS = { enabled: true, fromHour: 8, untilHour: 16 } as const satisfies Required<ReminderDef>;

/** Expected failure: a human-readable list of what is wrong with a policy file. */
export type PolicyResult = { ok: true; policy: Policy } | { ok: false; errors: string[] };

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

/** `actions[2].title` for the path ["actions", 2, "title"]. */
function where(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i ? `.${String(p)}` : String(p))).join('');
}

/** Zod's issues as "where: what", one line per problem, each said once. */
function describe(issues: readonly z.core.$ZodIssue[]): string[] {
  const lines: string[] = [];
  for (const issue of issues) {
    let path = issue.path;
    let msg = issue.message;
    if (msg.startsWith(ON_PARENT)) {
      msg = msg.slice(ON_PARENT.length);
      path = path.slice(0, -1);
    }
    if (issue.code === 'unrecognized_keys') for (const key of issue.keys) lines.push(`${where([...path, key])}: ${msg}`);
    else lines.push(path.length ? `${where(path)}: ${msg}` : msg);
  }
  return [...new Set(lines)];
}

/** What the schema cannot say: ids that must be unique or must exist elsewhere in the document. */
function crossReferences(p: Policy): string[] {
  const errors: string[] = [];
  const unique = (items: readonly { id: string }[], at: string) => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      if (seen.has(item.id)) errors.push(`${at}[${i}].id: duplicate "${item.id}"`);
      seen.add(item.id);
    });
    return seen;
  };
  const known = (list: readonly string[] | undefined, ids: ReadonlySet<string>, at: string) => {
    for (const id of list ?? []) if (!ids.has(id)) errors.push(`${at}: unknown id ${JSON.stringify(id)}`);
  };
  const charIds = unique(p.characteristics, 'characteristics');
  for (const [id, d] of Object.entries(p.drafts)) {
    if (!ID.test(id)) errors.push(`drafts.${id}: bad id`);
    for (const text of [d.body.da, d.body.en])
      for (const m of text.matchAll(PLACEHOLDER))
        if (!DRAFT_PLACEHOLDERS.has(m[1] as string)) errors.push(`drafts.${id}: unknown placeholder {{${m[1]}}}`);
  }
  const actionIds = unique(p.actions, 'actions');
  p.actions.forEach((a, i) => {
    if (a.draft !== undefined && !Object.hasOwn(p.drafts, a.draft))
      errors.push(`actions[${i}].draft: unknown draft ${JSON.stringify(a.draft)}`);
  });
  unique(p.rules, 'rules');
  p.rules.forEach((r, i) => {
    const at = `rules[${i}]`;
    known(r.recommend, actionIds, `${at}.recommend`);
    if ('always' in r.when) return;
    known(r.when.any, charIds, `${at}.when.any`);
    known(r.when.all, charIds, `${at}.when.all`);
    known(r.when.none, charIds, `${at}.when.none`);
    if (!(r.when.any?.length ?? 0) && !(r.when.all?.length ?? 0)) errors.push(`${at}.when: needs "any" or "all" (or "always": true)`);
  });
  unique(p.warning.suggestions, 'warning.suggestions');
  if (!Object.hasOwn(p.drafts, p.warning.journalDraft)) errors.push('warning.journalDraft: must name a draft');
  const r = p.reminders;
  if (r?.untilHour !== undefined && r.untilHour <= r.fromHour) errors.push(`reminders.untilHour: ${UNTIL_HOUR_ERROR}`);
  return errors;
}

/** Validates a parsed policy document; every problem is reported, not just the first. */
export function parsePolicy(doc: unknown): PolicyResult {
  const parsed = PolicySchema.safeParse(doc);
  if (!parsed.success) return { ok: false, errors: describe(parsed.error.issues) };
  const errors = crossReferences(parsed.data);
  return errors.length ? { ok: false, errors } : { ok: true, policy: parsed.data };
}
