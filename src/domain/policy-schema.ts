import { z } from 'zod';

/**
 * The policy's shape, the one source of truth: the TypeScript types below are derived from it, parsePolicy checks
 * documents with it, and src/policy/policy.schema.json (for editors) is generated from it (npm run policy:schema).
 * The messages say what is wrong in words; parsePolicy puts where in front.
 */

export const ID = /^[a-zA-Z][a-zA-Z0-9_-]{0,63}$/;

/** Marks a message that reads better on the object holding the field (`reminders: …` rather than `reminders.enabled: …`). */
export const ON_PARENT = 'on-parent:';

const LOCALIZED = 'needs non-empty "da" and "en" texts';
const text = z.string({ error: ON_PARENT + LOCALIZED }).regex(/\S/, { error: ON_PARENT + LOCALIZED });
const localized = z
  .object({ da: text, en: text }, { error: LOCALIZED })
  .meta({ id: 'Localized', description: 'A text in Danish (da) and English (en).' });
const id = z.string({ error: `must match ${ID}` }).regex(ID, { error: `must match ${ID}` });
const list = <T extends z.ZodType>(item: T, error: string) => z.array(item, { error });
const whole = (min: number, max: number, error: string) => z.number({ error }).int({ error }).min(min, { error }).max(max, { error });

/** Which warning a "yes" puts at the top of the plan card, whatever the municipality calls the characteristic. */
export const BannerSchema = z.enum(['emergency', 'threat'], { error: 'must be emergency or threat' });

export const CharacteristicSchema = z.object({
  id,
  label: localized,
  /** A few words for "why" lines ("direkte trussel"); the label is used when missing. */
  short: localized.optional(),
  help: localized.optional(),
  banner: BannerSchema.optional().meta({
    description:
      'emergency: a "yes" puts "call 112" in red at the top of the plan. threat: a "yes" puts "report the threat to the police" at the top while the police-report action (statistic policeReport) is open.',
  }),
});

export const ActionKindSchema = z.enum(['emergency', 'task', 'meeting', 'channelPost'], {
  error: 'must be one of emergency, task, meeting, channelPost',
});

/** What a done action counts as in the statistics (src/domain/statistics.ts), whatever the municipality calls the action. */
export const StatisticSchema = z.enum(['policeReport', 'takedownRequest', 'dataProtectionComplaint'], {
  error: 'must be one of policeReport, takedownRequest, dataProtectionComplaint',
});

/** A deadline counted from the date the publication was discovered. */
export const DueRuleSchema = z.strictObject(
  {
    days: whole(0, 1000, 'must be a whole number from 0 to 1000').optional(),
    workingDays: whole(0, 1000, 'must be a whole number from 0 to 1000').optional(),
    months: whole(0, 1000, 'must be a whole number from 0 to 1000').optional(),
    hours: whole(0, 1000, 'must be a whole number from 0 to 1000').optional(),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? 'unknown unit' : 'must be an object like {"days": 2}') },
);

export const LegalRefSchema = z.object(
  {
    /** Short citation for the overview ("Straffeloven § 119, stk. 1"). */
    cite: localized,
    /** What it says and why it matters here, shown in the action's details. */
    text: localized,
    /** Source ids from the research (e.g. "S4", "V7"), so a reviewer can trace every claim. */
    sources: list(z.string(), 'name at least one source').min(1, { error: 'name at least one source' }),
  },
  { error: 'must be {cite, text, sources}' },
);

export const ActionSchema = z.object({
  id,
  /** What the bot does with it: `meeting` is booked and `channelPost` posted through Graph; `emergency` is shown in red. */
  kind: ActionKindSchema.meta({
    description:
      'meeting: booked through Graph and ticked off when booked; channelPost: posted to the department channel and ticked off when posted; emergency: shown in red at the top; task: done by hand.',
  }),
  title: localized,
  /** Who does it, in words ("Nærmeste leder", "Medarbejderen med støtte fra HR/jura"). */
  owner: localized,
  due: DueRuleSchema,
  /** How the deadline reads on the card ("Inden 72 timer"); the computed date is shown beside it. */
  dueLabel: localized.optional(),
  /** Only verified legal bases; anything uncertain goes in `caveat`. */
  legalBasis: list(LegalRefSchema, 'must be a list (may be empty)'),
  caveat: localized.optional(),
  /** A draft id from `drafts`. */
  draft: z.string({ error: 'must name a draft' }).optional().meta({ description: 'A draft id from "drafts".' }),
  /** Lower comes first on the cards. */
  priority: z.number({ error: 'must be a number' }),
  /** When done (not "not relevant"), the case counts in the statistics as having led to this. */
  statistic: StatisticSchema.optional().meta({
    description:
      'When the action is done (not marked not relevant), the case counts in the statistics as having led to a police report, a takedown request or a complaint to Datatilsynet.',
  }),
});

const ids = list(z.string({ error: 'must be a list of ids' }), 'must be a list of ids');

/** `always`, or characteristics: any of / all of / none of. An empty condition never matches. */
const unknownKey = { error: (issue: { code: string }) => (issue.code === 'unrecognized_keys' ? 'unknown' : undefined) };
export const ConditionSchema = z.union(
  [
    z.strictObject({ always: z.literal(true) }, unknownKey),
    z.strictObject({ any: ids.optional(), all: ids.optional(), none: ids.optional() }, unknownKey),
  ],
  { error: 'must be {"always": true} or {"any"|"all"|"none": [...]}' },
);

export const RuleSchema = z.object({
  id,
  when: ConditionSchema,
  /** Action ids from `actions`. */
  recommend: list(z.string(), 'must name actions')
    .min(1, { error: 'must name actions' })
    .meta({ description: 'Action ids from "actions".' }),
  /** Why, shown to the manager beside each recommended action. */
  reason: localized,
});

export const DraftSchema = z.object({ title: localized, body: localized }, { error: 'must be {title, body}' });

export const WarningSchema = z.object(
  {
    suggestions: list(z.object({ id, text: localized }), 'must be a list'),
    journalDraft: z.string({ error: 'must name a draft' }),
  },
  { error: 'must be {suggestions, journalDraft}' },
);

export const MeetingSchema = z.object(
  {
    subject: localized,
    agenda: localized,
    durationMinutes: whole(15, 240, 'must be a whole number from 15 to 240'),
  },
  { error: 'must be {subject, agenda, durationMinutes}' },
);

export const RetentionSchema = z.object(
  {
    closedCaseMonths: whole(1, 120, 'must be a whole number of months from 1 to 120'),
    warnDays: whole(1, 90, 'must be a whole number of days from 1 to 90'),
  },
  { error: 'must be {closedCaseMonths, warnDays}' },
);

const REMINDERS = 'must be {enabled: true|false, fromHour, untilHour}, or left out (on, 8 to 16)';
const UNTIL = 'must be a whole hour after fromHour, at most 24 (Danish time)';
export const ReminderSchema = z.object(
  {
    enabled: z.boolean({ error: ON_PARENT + REMINDERS }),
    /** The hour (Copenhagen, 0–23) from which a working day's reminder may be sent. */
    fromHour: whole(0, 23, 'must be a whole hour from 0 to 23 (Danish time)'),
    /** The hour (Copenhagen, 1–24) from which none is sent any more that day; 16 when left out. */
    untilHour: whole(1, 24, UNTIL).optional(),
  },
  { error: REMINDERS },
);
export const UNTIL_HOUR_ERROR = UNTIL;

export const PolicySchema = z.object(
  {
    /** The JSON Schema an editor uses for completion and checks; ignored by the bot. */
    $schema: z.string().optional().meta({ description: 'This schema, for editors; ignored by the bot.' }),
    version: z.literal(1, { error: 'must be 1' }),
    id: z.string({ error: 'must be a short identifier' }).regex(ID, { error: 'must be a short identifier' }),
    name: localized,
    /** The yes/no questions on the intake card, in the order shown. */
    characteristics: list(CharacteristicSchema, 'must be a non-empty list').min(1, { error: 'must be a non-empty list' }),
    /** Every action the plan can hold, recommended or added by hand. */
    actions: list(ActionSchema, 'must be a non-empty list').min(1, { error: 'must be a non-empty list' }),
    /** Decision-table rows: characteristics → recommended actions. */
    rules: list(RuleSchema, 'must be a non-empty list').min(1, { error: 'must be a non-empty list' }),
    /** Draft texts with {{placeholders}}, one per draft id. */
    drafts: z.record(z.string(), DraftSchema, { error: 'must be an object of draft id → {title, body}' }),
    /** The early-warning card's suggestions. */
    warning: WarningSchema,
    /** The support meeting: a neutral subject and agenda, never the publication or the allegations. */
    meeting: MeetingSchema,
    /** How long a closed case is kept, and how many days before deletion its owner is warned. */
    retention: RetentionSchema,
    /** Reminders to the owner about open plan actions that are due or overdue. Absent: on, 08–16. */
    reminders: ReminderSchema.optional(),
  },
  { error: 'the policy must be a JSON object' },
);

export type Policy = z.output<typeof PolicySchema>;
export type CharacteristicDef = z.output<typeof CharacteristicSchema>;
export type ActionKind = z.output<typeof ActionKindSchema>;
export type StatisticKind = z.output<typeof StatisticSchema>;
export type ActionDef = z.output<typeof ActionSchema>;
export type DueRule = z.output<typeof DueRuleSchema>;
export type LegalRef = z.output<typeof LegalRefSchema>;
export type Condition = z.output<typeof ConditionSchema>;
export type RuleDef = z.output<typeof RuleSchema>;
export type DraftDef = z.output<typeof DraftSchema>;
export type WarningDef = z.output<typeof WarningSchema>;
export type MeetingDef = z.output<typeof MeetingSchema>;
export type ReminderDef = z.output<typeof ReminderSchema>;
