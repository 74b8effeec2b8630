/**
 * Hostile inputs for the bot, sent over HTTP by tests/bot/hostile.test.ts.
 *
 * Each entry names a verb, the input id it attacks (`field`/`value`) and/or extra payload (`data`), the step the
 * case is at when it is sent (`stage`), and what must happen:
 *  - `refused`: a clear Danish message, the typed value back in its input, nothing stored, nothing posted;
 *  - `accepted-clean`: exactly one state change, stored text clean (no direction overrides) and as expected;
 *  - `ignored`: nothing stored and nothing posted; any valid card may come back.
 *
 * The payload is: the Action.Execute data the card carries, then the valid values for the verb (BASELINE),
 * then `field: value`, then `data` (an `undefined` there removes a key). A `data` that is not a plain object
 * replaces the whole payload. The strings CASE and REV are replaced by the case's id and revision.
 */

import { GUARDRAILS } from '../../cards/graph-texts';
import { FIELD_ERRORS, NOTICES } from '../../cards/texts';
import { Verb } from '../../src/app/verbs';
import { PEOPLE } from './bot-client';

/** The test's clock: Tuesday 24 November 2026, 09:00 in Copenhagen. */
export const NOW = new Date('2026-11-24T08:00:00Z');
export const URL_1 = 'https://www.facebook.com/groups/sandheden/posts/42';
export const DESCRIPTION = 'Borgeren påstår at Anders har forfalsket journalen i sagen om familien Jensen';
export const POSTER = 'Jens Jensen';
/** A support message that passes every guardrail. */
export const BASE_POST = 'Kære alle. Ledelsen bakker fuldt op om vores kolleger, og vi står sammen om at passe på hinanden.';

/** Replaced by the prepared case's id (also inside longer strings). */
export const CASE = '$caseId';
/** Replaced by the prepared case's current revision (a number) when it is the whole value. */
export const REV = '$rev';

export type Stage =
  /** The start card; the "case" is the start card's id, which becomes the case id. */
  | 'start'
  | 'intake'
  | 'assessment'
  /** The plan with "preserve evidence" opened (its reference input `ref_preserveEvidence`). */
  | 'details'
  /** The plan with the support message opened (`postText`, `postConsent`). */
  | 'post'
  /** The plan after "Find mødetid": suggestions (`slot`) and the manual date and time. */
  | 'choosing'
  | 'warning';

export type Expectation = 'refused' | 'accepted-clean' | 'ignored';

export type Category =
  | 'oversized'
  | 'wrong-type'
  | 'unknown-verb'
  | 'forged-id'
  | 'forged-rev'
  | 'script-url'
  | 'html'
  | 'markdown'
  | 'mention'
  | 'bidi'
  | 'emoji'
  | 'danish'
  | 'empty'
  | 'duplicate'
  | 'prototype';

/** Views of the stored case an accepted entry can pin (see `storedView` in the test). */
export type StoredKey =
  | 'intake.description'
  | 'intake.posterName'
  | 'intake.urls'
  | 'intake.characteristics'
  | 'plan'
  | 'reference.preserveEvidence'
  | 'post.text'
  | 'post.status'
  | 'meeting.status'
  | 'warning.description'
  | 'warning.taken';

export interface HostileEntry {
  readonly name: string;
  readonly category: Category;
  /** The Action.Execute verb; payload-level entries put anything here. */
  readonly verb: unknown;
  /** The input id the hostile value is typed into. */
  readonly field?: string;
  readonly value?: unknown;
  readonly data?: unknown;
  readonly expect: Expectation;
  readonly stage: Stage;
  /** Who sends it (default: Mette, who owns the case). */
  readonly as?: 'mette' | 'peter' | 'anders';
  /** Danish text the answer must show. */
  readonly says?: string;
  /** What the stored case must hold afterwards (accepted entries). */
  readonly stored?: Partial<Record<StoredKey, unknown>>;
  /** The accepted value must be shown on the answer exactly as stored. */
  readonly shows?: string;
  /** Sends the same invoke this many times at once. */
  readonly repeat?: number;
  /** Sends one raw request whose body is about this many bytes. */
  readonly rawBytes?: number;
  /** The value is markup: it must never reach a markdown TextBlock or a link. */
  readonly markup?: true;
  /** A refused support message is kept as the draft by design ("din tekst er gemt"): one `post.save`, still a draft. */
  readonly savesDraft?: true;
}

/** The valid values each verb is sent with before the hostile part is applied. */
export const BASELINE: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  [Verb.intakeSubmit]: {
    employees: `${PEOPLE.anders.aadObjectId},${PEOPLE.sofie.aadObjectId}`,
    urls: URL_1,
    platform: 'facebook',
    discoveredOn: '2026-11-24',
    description: DESCRIPTION,
    posterName: POSTER,
    employeeContacted: 'true',
    evidenceSaved: 'false',
    c_crimeAccusation: 'true',
  },
  [Verb.assessmentConfirm]: { keep_meeting: 'true', keep_staffMessage: 'true' },
  [Verb.actionDone]: { ref_preserveEvidence: 'Politiets j.nr. 0100-12345-00001-26' },
  [Verb.postSend]: { postText: BASE_POST, postConsent: 'true' },
  [Verb.postPreview]: { postText: BASE_POST, postConsent: 'true' },
  [Verb.warningSubmit]: {
    employees: PEOPLE.sofie.aadObjectId,
    description: 'Borger truede i telefonen med at lægge Sofies navn på Facebook.',
    notedOn: '2026-11-23',
    s_journalNote: 'true',
  },
};

/** An object with an own enumerable key, even `__proto__` (a literal `{ __proto__: x }` would set the prototype). */
function own(base: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const out = { ...base };
  Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  return out;
}

const da = <K extends keyof typeof NOTICES>(k: K) => NOTICES[k].da;

const RLO = '\u202E';
const PDF = '\u202C';
const LONG_TEXT = 'Borgeren skriver igen og igen. '.repeat(330); // ≈ 10 000 characters
const JUNK_KEYS = Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`junk_${i}`, 'x']));

export const CORPUS: readonly HostileEntry[] = [
  // ---------------------------------------------------------------------------------------------------- intake
  {
    name: 'intake: a javascript: link is refused',
    category: 'script-url',
    stage: 'intake',
    verb: Verb.intakeSubmit,
    field: 'urls',
    value: 'javascript:alert(document.cookie)',
    expect: 'refused',
    says: FIELD_ERRORS.urlInvalid.da,
  },
  {
    name: 'intake: a data: URL is refused',
    category: 'script-url',
    stage: 'intake',
    verb: Verb.intakeSubmit,
    field: 'urls',
    value: 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    expect: 'refused',
    says: FIELD_ERRORS.urlInvalid.da,
  },
  {
    name: 'intake: a mixed-case javascript: link after a valid one is refused',
    category: 'script-url',
    stage: 'intake',
    verb: Verb.intakeSubmit,
    field: 'urls',
    value: `${URL_1}\n   JaVaScRiPt:alert(1)`,
    expect: 'refused',
    says: FIELD_ERRORS.urlInvalid.da,
  },
  {
    name: 'intake: an Adaptive Card markdown link in the links field is refused and never rendered as a link',
    category: 'markdown',
    stage: 'intake',
    verb: Verb.intakeSubmit,
    field: 'urls',
    value: '[Klik](https://phish.example/login)',
    expect: 'refused',
    says: FIELD_ERRORS.urlInvalid.da,
    markup: true,
  },
  {
    name: 'intake: a links field of 30 000 characters is refused',
    category: 'oversized',
    stage: 'intake',
    verb: Verb.intakeSubmit,
    field: 'urls',
    value: `https://example.dk/${'a'.repeat(30_000)}`,
    expect: 'refused',
    says: FIELD_ERRORS.tooLong.da,
  },
  {
    name: 'intake: a description of 10 000 characters is refused',
    category: 'oversized',
    stage: 'intake',
    verb: Verb.intakeSubmit,
    field: 'description',
    value: LONG_TEXT,
    expect: 'refused',
    says: FIELD_ERRORS.tooLong.da,
  },
  {
    name: 'intake: a description of 2 001 emoji is refused (emoji count as one character each)',
    category: 'emoji',
    stage: 'intake',
    verb: Verb.intakeSubmit,
    field: 'description',
    value: '😡'.repeat(2001),
    expect: 'refused',
    says: FIELD_ERRORS.tooLong.da,
  },
  {
    name: 'intake: HTML and script in the description are stored as plain text',
    category: 'html',
    stage: 'intake',
    verb: Verb.intakeSubmit,
    field: 'description',
    value: '<script>alert(1)</script><img src=x onerror=alert(2)> Borgeren har lagt billeder op',
    expect: 'accepted-clean',
    stored: { 'intake.description': '<script>alert(1)</script><img src=x onerror=alert(2)> Borgeren har lagt billeder op' },
    markup: true,
  },
  {
    name: 'intake: Adaptive Card markdown and a mention in the description are stored as typed',
    category: 'markdown',
    stage: 'intake',
    verb: Verb.intakeSubmit,
    field: 'description',
    value: '**Fed** _kursiv_ [link](https://evil.example) <at>Alle</at> # Overskrift',
    expect: 'accepted-clean',
    stored: { 'intake.description': '**Fed** _kursiv_ [link](https://evil.example) <at>Alle</at> # Overskrift' },
    markup: true,
  },
  {
    name: 'intake: a right-to-left override in the description is removed',
    category: 'bidi',
    stage: 'intake',
    verb: Verb.intakeSubmit,
    field: 'description',
    value: `Borgeren har delt filen ${RLO}gnp.exe${PDF} om Anders`,
    expect: 'accepted-clean',
    stored: { 'intake.description': 'Borgeren har delt filen gnp.exe om Anders' },
  },
  {
    name: 'intake: embeddings, isolates and overrides in the description are removed',
    category: 'bidi',
    stage: 'intake',
    verb: Verb.intakeSubmit,
    field: 'description',
    value: 'Start \u2067isolat\u2069 \u202Aindlejring\u202C \u202Boverstyring\u202C \u2066\u2068slut\u2069\u2069',
    expect: 'accepted-clean',
    stored: { 'intake.description': 'Start isolat indlejring overstyring slut' },
  },
  {
    name: 'intake: the Arabic letter mark (a bidi control) in the description is removed',
    category: 'bidi',
    stage: 'intake',
    verb: Verb.intakeSubmit,
    field: 'description',
    value: 'Anders\u061C er nævnt ved navn',
    expect: 'accepted-clean',
    stored: { 'intake.description': 'Anders er nævnt ved navn' },
  },
  {
    name: 'intake: Danish letters round-trip exactly',
    category: 'danish',
    stage: 'intake',
    verb: Verb.intakeSubmit,
    field: 'description',
    value: 'Æbleskiver på Ærø – Søren Østergård så “det” i § 96-sagen: æ ø å Æ Ø Å',
    expect: 'accepted-clean',
    stored: { 'intake.description': 'Æbleskiver på Ærø – Søren Østergård så “det” i § 96-sagen: æ ø å Æ Ø Å' },
  },
  {
    name: 'intake: emoji with skin tones, joiners and flags round-trip exactly',
    category: 'emoji',
    stage: 'intake',
    verb: Verb.intakeSubmit,
    field: 'description',
    value: '👩🏽‍💻 🇩🇰 ❤️ 👍🏻 👨‍👩‍👧 Anders er ked af det 😢',
    expect: 'accepted-clean',
    stored: { 'intake.description': '👩🏽‍💻 🇩🇰 ❤️ 👍🏻 👨‍👩‍👧 Anders er ked af det 😢' },
  },
  {
    name: 'intake: decomposed Danish letters are stored composed (NFC)',
    category: 'danish',
    stage: 'intake',
    verb: Verb.intakeSubmit,
    field: 'description',
    value: 'A\u030Arhus, bla\u030A bog og o\u0308l',
    expect: 'accepted-clean',
    stored: { 'intake.description': 'Århus, blå bog og öl' },
  },
  {
    name: 'intake: a whitespace-only description is refused',
    category: 'empty',
    stage: 'intake',
    verb: Verb.intakeSubmit,
    field: 'description',
    value: '  \n\t \u00A0 \r\n ',
    expect: 'refused',
    says: FIELD_ERRORS.required.da,
  },
  {
    name: 'intake: empty links are refused',
    category: 'empty',
    stage: 'intake',
    verb: Verb.intakeSubmit,
    field: 'urls',
    value: '',
    expect: 'refused',
    says: FIELD_ERRORS.required.da,
  },
  {
    name: 'intake: a description that is a number is refused',
    category: 'wrong-type',
    stage: 'intake',
    verb: Verb.intakeSubmit,
    field: 'description',
    value: 42,
    expect: 'refused',
    says: FIELD_ERRORS.required.da,
  },
  {
    name: 'intake: a description that is null is refused',
    category: 'wrong-type',
    stage: 'intake',
    verb: Verb.intakeSubmit,
    field: 'description',
    value: null,
    expect: 'refused',
    says: FIELD_ERRORS.required.da,
  },
  {
    name: 'intake: a description that is a nested object is refused',
    category: 'wrong-type',
    stage: 'intake',
    verb: Verb.intakeSubmit,
    field: 'description',
    value: { text: 'Borgeren skriver', toString: 'x' },
    expect: 'refused',
    says: FIELD_ERRORS.required.da,
  },
  {
    name: 'intake: links sent as a list are refused',
    category: 'wrong-type',
    stage: 'intake',
    verb: Verb.intakeSubmit,
    field: 'urls',
    value: [URL_1],
    expect: 'refused',
    says: FIELD_ERRORS.required.da,
  },
  {
    name: 'intake: employees sent as a boolean are refused',
    category: 'wrong-type',
    stage: 'intake',
    verb: Verb.intakeSubmit,
    field: 'employees',
    value: true,
    expect: 'refused',
    says: FIELD_ERRORS.required.da,
  },
  {
    name: 'intake: employees sent as a query object are refused',
    category: 'wrong-type',
    stage: 'intake',
    verb: Verb.intakeSubmit,
    field: 'employees',
    value: { $ne: null },
    expect: 'refused',
    says: FIELD_ERRORS.required.da,
  },
  {
    name: 'intake: an employee id that is a path is refused',
    category: 'forged-id',
    stage: 'intake',
    verb: Verb.intakeSubmit,
    field: 'employees',
    value: '../../index/x',
    expect: 'refused',
    says: FIELD_ERRORS.unknownChoice.da,
  },
  {
    name: 'intake: a platform with script is refused',
    category: 'html',
    stage: 'intake',
    verb: Verb.intakeSubmit,
    field: 'platform',
    value: 'facebook<script>alert(1)</script>',
    expect: 'refused',
    says: FIELD_ERRORS.unknownChoice.da,
  },
  {
    name: 'intake: an impossible date is refused',
    category: 'wrong-type',
    stage: 'intake',
    verb: Verb.intakeSubmit,
    field: 'discoveredOn',
    value: '2026-02-30',
    expect: 'refused',
    says: FIELD_ERRORS.dateInvalid.da,
  },
  {
    name: 'intake: a date in year 9999 is refused',
    category: 'oversized',
    stage: 'intake',
    verb: Verb.intakeSubmit,
    field: 'discoveredOn',
    value: '9999-12-31',
    expect: 'refused',
    says: FIELD_ERRORS.dateFuture.da,
  },
  {
    name: 'intake: mention syntax in the poster name is stored as typed',
    category: 'mention',
    stage: 'intake',
    verb: Verb.intakeSubmit,
    field: 'posterName',
    value: '<at>Alle</at> @channel',
    expect: 'accepted-clean',
    stored: { 'intake.posterName': '<at>Alle</at> @channel' },
    markup: true,
  },
  {
    name: 'intake: a poster name of 5 000 characters is refused',
    category: 'oversized',
    stage: 'intake',
    verb: Verb.intakeSubmit,
    field: 'posterName',
    value: 'Jens '.repeat(1000),
    expect: 'refused',
  },
  {
    name: 'intake: a right-to-left override in the poster name is removed',
    category: 'bidi',
    stage: 'intake',
    verb: Verb.intakeSubmit,
    field: 'posterName',
    value: `Jens ${RLO}nesneJ`,
    expect: 'accepted-clean',
    stored: { 'intake.posterName': 'Jens nesneJ' },
  },
  {
    name: 'intake: a yes/no answer sent as a query object counts as "no"',
    category: 'wrong-type',
    stage: 'intake',
    verb: Verb.intakeSubmit,
    field: 'c_directThreat',
    value: { $gt: '' },
    expect: 'accepted-clean',
    stored: { 'intake.characteristics': ['crimeAccusation'] },
  },
  {
    name: 'intake: a description hidden in __proto__ is not read, and nothing is polluted',
    category: 'prototype',
    stage: 'intake',
    verb: Verb.intakeSubmit,
    data: own({ description: undefined }, '__proto__', { description: 'forged', polluted: 'yes' }),
    expect: 'refused',
    says: FIELD_ERRORS.required.da,
  },
  {
    name: 'intake: 20 000 junk keys in the payload are not stored',
    category: 'oversized',
    stage: 'intake',
    verb: Verb.intakeSubmit,
    data: JUNK_KEYS,
    expect: 'accepted-clean',
    stored: { 'intake.description': DESCRIPTION },
  },
  {
    name: 'intake: a revision sent as a boolean is refused',
    category: 'forged-rev',
    stage: 'intake',
    verb: Verb.intakeSubmit,
    data: { rev: true },
    expect: 'refused',
  },
  {
    name: 'intake: the same submit five times at once changes the case once',
    category: 'duplicate',
    stage: 'intake',
    verb: Verb.intakeSubmit,
    repeat: 5,
    expect: 'accepted-clean',
    stored: { 'intake.description': DESCRIPTION },
  },

  // ------------------------------------------------------------------------------------------------ assessment
  {
    name: 'assessment: keep toggles sent as numbers, objects and null are "not kept"',
    category: 'wrong-type',
    stage: 'assessment',
    verb: Verb.assessmentConfirm,
    data: { keep_staffMessage: { value: 'true' }, keep_preserveEvidence: 1, keep_contactEmployee: null },
    expect: 'accepted-clean',
    stored: { plan: ['meeting'] },
  },
  {
    name: 'assessment: unknown and prototype action ids in "add" are dropped',
    category: 'prototype',
    stage: 'assessment',
    verb: Verb.assessmentConfirm,
    field: 'add',
    value: '__proto__,constructor,toString,../rm,pressenaevnet',
    expect: 'accepted-clean',
    stored: { plan: ['meeting', 'pressenaevnet', 'staffMessage'] },
  },
  {
    name: 'assessment: "add" sent as a list is ignored',
    category: 'wrong-type',
    stage: 'assessment',
    verb: Verb.assessmentConfirm,
    field: 'add',
    value: ['pressenaevnet'],
    expect: 'accepted-clean',
    stored: { plan: ['meeting', 'staffMessage'] },
  },
  {
    name: 'assessment: a __proto__ key cannot keep an action',
    category: 'prototype',
    stage: 'assessment',
    verb: Verb.assessmentConfirm,
    data: own({}, '__proto__', { keep_preserveEvidence: 'true', polluted: 'yes' }),
    expect: 'accepted-clean',
    stored: { plan: ['meeting', 'staffMessage'] },
  },
  {
    name: 'assessment: a constructor.prototype key pollutes nothing',
    category: 'prototype',
    stage: 'assessment',
    verb: Verb.assessmentConfirm,
    data: { constructor: { prototype: { polluted: 'yes', keep_preserveEvidence: 'true' } } },
    expect: 'accepted-clean',
    stored: { plan: ['meeting', 'staffMessage'] },
  },
  {
    name: 'assessment: a revision sent as a word is refused',
    category: 'forged-rev',
    stage: 'assessment',
    verb: Verb.assessmentConfirm,
    data: { rev: 'latest' },
    expect: 'refused',
    says: da('badRequest'),
  },
  {
    name: 'assessment: a negative revision is refused as stale',
    category: 'forged-rev',
    stage: 'assessment',
    verb: Verb.assessmentConfirm,
    data: { rev: -1 },
    expect: 'refused',
    says: da('stale'),
  },
  {
    name: 'assessment: a huge revision is refused as stale',
    category: 'forged-rev',
    stage: 'assessment',
    verb: Verb.assessmentConfirm,
    data: { rev: 1e300 },
    expect: 'refused',
    says: da('stale'),
  },
  {
    name: 'assessment: a fractional revision is refused',
    category: 'forged-rev',
    stage: 'assessment',
    verb: Verb.assessmentConfirm,
    data: { rev: 2.5 },
    expect: 'refused',
    says: da('badRequest'),
  },
  {
    name: 'assessment: a missing revision is refused',
    category: 'forged-rev',
    stage: 'assessment',
    verb: Verb.assessmentConfirm,
    data: { rev: undefined },
    expect: 'refused',
    says: da('badRequest'),
  },
  {
    name: "assessment: another manager confirming Mette's case is refused and sees nothing of it",
    category: 'forged-id',
    stage: 'assessment',
    as: 'peter',
    verb: Verb.assessmentConfirm,
    expect: 'refused',
    says: da('forbidden'),
  },

  // ------------------------------------------------------------------------------------------------------ plan
  {
    name: 'plan: a reference of 10 000 characters is refused',
    category: 'oversized',
    stage: 'details',
    verb: Verb.actionDone,
    field: 'ref_preserveEvidence',
    value: LONG_TEXT,
    expect: 'refused',
  },
  {
    name: 'plan: Danish letters and emoji in the reference round-trip exactly',
    category: 'danish',
    stage: 'details',
    verb: Verb.actionDone,
    field: 'ref_preserveEvidence',
    value: 'J.nr. 0100-12345 – Ærø/Østergård 👍🏽',
    expect: 'accepted-clean',
    stored: { 'reference.preserveEvidence': 'J.nr. 0100-12345 – Ærø/Østergård 👍🏽' },
    shows: 'J.nr. 0100-12345 – Ærø/Østergård 👍🏽',
  },
  {
    name: 'plan: HTML, markdown and a mention in the reference are shown as plain text',
    category: 'markdown',
    stage: 'details',
    verb: Verb.actionDone,
    field: 'ref_preserveEvidence',
    value: '<b>fed</b> **fed** [klik](https://evil.example) <at>Alle</at>',
    expect: 'accepted-clean',
    stored: { 'reference.preserveEvidence': '<b>fed</b> **fed** [klik](https://evil.example) <at>Alle</at>' },
    shows: '<b>fed</b> **fed** [klik](https://evil.example) <at>Alle</at>',
    markup: true,
  },
  {
    name: 'plan: a direction override in the reference is removed',
    category: 'bidi',
    stage: 'details',
    verb: Verb.actionDone,
    field: 'ref_preserveEvidence',
    value: `J.nr. ${RLO}62-10000-54321-0010`,
    expect: 'accepted-clean',
    stored: { 'reference.preserveEvidence': 'J.nr. 62-10000-54321-0010' },
  },
  {
    name: 'plan: a whitespace-only reference stores no reference',
    category: 'empty',
    stage: 'details',
    verb: Verb.actionDone,
    field: 'ref_preserveEvidence',
    value: '   \t  ',
    expect: 'accepted-clean',
    stored: { 'reference.preserveEvidence': undefined },
  },
  {
    name: 'plan: a reference sent as an object stores no reference',
    category: 'wrong-type',
    stage: 'details',
    verb: Verb.actionDone,
    field: 'ref_preserveEvidence',
    value: { text: 'J.nr. 1' },
    expect: 'accepted-clean',
    stored: { 'reference.preserveEvidence': undefined },
  },
  {
    name: 'plan: a forged actionId "constructor" is refused',
    category: 'prototype',
    stage: 'details',
    verb: Verb.actionDone,
    data: { actionId: 'constructor', ref_constructor: 'x' },
    expect: 'refused',
    says: da('badRequest'),
  },
  {
    name: 'plan: a forged actionId "__proto__" is refused',
    category: 'prototype',
    stage: 'details',
    verb: Verb.actionDone,
    data: { actionId: '__proto__' },
    expect: 'refused',
    says: da('badRequest'),
  },
  {
    name: 'plan: the actionId of an action that is not in the plan is refused',
    category: 'forged-id',
    stage: 'details',
    verb: Verb.actionDone,
    data: { actionId: 'pressenaevnet' },
    expect: 'refused',
    says: da('badRequest'),
  },
  {
    name: 'plan: an actionId sent as a number is refused',
    category: 'wrong-type',
    stage: 'details',
    verb: Verb.actionDone,
    data: { actionId: 7 },
    expect: 'refused',
    says: da('badRequest'),
  },
  {
    name: 'plan: "reopen" forged for an action that is not done changes nothing',
    category: 'forged-id',
    stage: 'details',
    verb: Verb.actionReopen,
    data: { actionId: 'preserveEvidence' },
    expect: 'ignored',
  },

  // ---------------------------------------------------------------------------------------- support message
  {
    name: 'post: HTML and script are posted escaped',
    category: 'html',
    stage: 'post',
    verb: Verb.postSend,
    field: 'postText',
    value: `${BASE_POST}\n<script>alert(1)</script><img src=x onerror=alert(2)> & "citat"`,
    expect: 'accepted-clean',
    stored: {
      'post.status': 'posted',
      'post.text': `${BASE_POST}\n<script>alert(1)</script><img src=x onerror=alert(2)> & "citat"`,
    },
    markup: true,
  },
  {
    name: 'post: mention syntax mentions nobody',
    category: 'mention',
    stage: 'post',
    verb: Verb.postSend,
    field: 'postText',
    value: `${BASE_POST} <at>Alle</at> <at id="0">Anders Kjær</at>`,
    expect: 'accepted-clean',
    stored: { 'post.status': 'posted' },
    markup: true,
  },
  {
    name: 'post: a markdown javascript: link is refused',
    category: 'script-url',
    stage: 'post',
    verb: Verb.postSend,
    field: 'postText',
    value: `${BASE_POST} [Læs mere](javascript:alert(1))`,
    expect: 'refused',
    savesDraft: true,
    markup: true,
  },
  {
    name: 'post: a data: URL is refused',
    category: 'script-url',
    stage: 'post',
    verb: Verb.postSend,
    field: 'postText',
    value: `${BASE_POST} data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==`,
    expect: 'refused',
    savesDraft: true,
  },
  {
    name: 'post: a direction override is removed before posting',
    category: 'bidi',
    stage: 'post',
    verb: Verb.postSend,
    field: 'postText',
    value: `${BASE_POST} ${RLO}Hilsen ledelsen${PDF}`,
    expect: 'accepted-clean',
    stored: { 'post.status': 'posted', 'post.text': `${BASE_POST} Hilsen ledelsen` },
  },
  {
    name: 'post: Danish letters and emoji round-trip exactly',
    category: 'emoji',
    stage: 'post',
    verb: Verb.postSend,
    field: 'postText',
    value: 'Kære alle 💙 Vi står sammen om vores kolleger – fra Ærø til Åkirkeby. 🇩🇰👩🏽‍💻',
    expect: 'accepted-clean',
    stored: { 'post.status': 'posted', 'post.text': 'Kære alle 💙 Vi står sammen om vores kolleger – fra Ærø til Åkirkeby. 🇩🇰👩🏽‍💻' },
  },
  {
    name: 'post: a message of 5 000 characters is refused',
    category: 'oversized',
    stage: 'post',
    verb: Verb.postSend,
    field: 'postText',
    value: 'Vi står sammen. '.repeat(320),
    expect: 'refused',
    says: GUARDRAILS.tooLong.da,
    savesDraft: true,
  },
  {
    name: 'post: a message of 5 000 emoji is refused',
    category: 'oversized',
    stage: 'post',
    verb: Verb.postSend,
    field: 'postText',
    value: '💙'.repeat(5000),
    expect: 'refused',
    says: GUARDRAILS.tooLong.da,
    savesDraft: true,
  },
  {
    name: 'post: a whitespace-only message is refused',
    category: 'empty',
    stage: 'post',
    verb: Verb.postSend,
    field: 'postText',
    value: ' \n\n \t ',
    expect: 'refused',
    says: GUARDRAILS.empty.da,
    savesDraft: true,
  },
  {
    name: 'post: a message sent as a number is refused',
    category: 'wrong-type',
    stage: 'post',
    verb: Verb.postSend,
    field: 'postText',
    value: 12345,
    expect: 'refused',
    says: GUARDRAILS.empty.da,
    savesDraft: true,
  },
  {
    name: 'post: consent sent as a query object is no consent',
    category: 'wrong-type',
    stage: 'post',
    verb: Verb.postSend,
    field: 'postConsent',
    value: { $eq: 'true' },
    expect: 'refused',
    says: GUARDRAILS.noConsent.da,
    savesDraft: true,
  },
  {
    name: "post: the publication's link hidden behind a direction override is refused",
    category: 'bidi',
    stage: 'post',
    verb: Verb.postSend,
    field: 'postText',
    value: `${BASE_POST} Se face${RLO}book.com/groups/sandheden`,
    expect: 'refused',
    says: GUARDRAILS.containsUrl.da,
    savesDraft: true,
  },
  {
    name: "post: the publication's link split by a zero-width space is refused",
    category: 'bidi',
    stage: 'post',
    verb: Verb.postSend,
    field: 'postText',
    value: `${BASE_POST} Se face\u200Bbook.com/groups/sandheden`,
    expect: 'refused',
    says: GUARDRAILS.containsUrl.da,
    savesDraft: true,
  },
  {
    name: 'post: a preview with markup saves the draft and shows it as plain text',
    category: 'markdown',
    stage: 'post',
    verb: Verb.postPreview,
    field: 'postText',
    value: `${BASE_POST} **Vigtigt** <at>Alle</at> <b>fed</b>`,
    expect: 'accepted-clean',
    stored: { 'post.status': 'draft', 'post.text': `${BASE_POST} **Vigtigt** <at>Alle</at> <b>fed</b>` },
    markup: true,
  },
  {
    name: 'post: the same send five times at once posts once',
    category: 'duplicate',
    stage: 'post',
    verb: Verb.postSend,
    repeat: 5,
    expect: 'accepted-clean',
    stored: { 'post.status': 'posted', 'post.text': BASE_POST },
  },

  // --------------------------------------------------------------------------------------------------- meeting
  {
    name: 'meeting: javascript: in the slot is refused',
    category: 'script-url',
    stage: 'choosing',
    verb: Verb.meetingBook,
    field: 'slot',
    value: 'javascript:alert(1)|javascript:alert(2)',
    expect: 'refused',
    says: da('badSlot'),
  },
  {
    name: 'meeting: a slot in the past is refused',
    category: 'forged-id',
    stage: 'choosing',
    verb: Verb.meetingBook,
    field: 'slot',
    value: '2020-01-01T08:00:00.000Z|2020-01-01T09:00:00.000Z',
    expect: 'refused',
    says: da('badSlot'),
  },
  {
    name: 'meeting: a slot that ends before it starts is refused',
    category: 'forged-id',
    stage: 'choosing',
    verb: Verb.meetingBook,
    field: 'slot',
    value: '2026-11-25T10:00:00.000Z|2026-11-25T09:00:00.000Z',
    expect: 'refused',
    says: da('badSlot'),
  },
  {
    name: 'meeting: a forged slot that was never offered (4 hours, Sunday night) is refused',
    category: 'forged-id',
    stage: 'choosing',
    verb: Verb.meetingBook,
    field: 'slot',
    value: '2026-11-29T02:00:00.000Z|2026-11-29T06:00:00.000Z',
    expect: 'refused',
    says: da('badSlot'),
  },
  {
    name: 'meeting: a slot sent as an object is refused',
    category: 'wrong-type',
    stage: 'choosing',
    verb: Verb.meetingBook,
    field: 'slot',
    value: { start: '2026-11-25T09:00:00.000Z', end: '2026-11-25T10:00:00.000Z' },
    expect: 'refused',
    says: da('badSlot'),
  },
  {
    name: 'meeting: a manual time of 25:00 is refused, not rolled over to the next day',
    category: 'wrong-type',
    stage: 'choosing',
    verb: Verb.meetingBook,
    field: 'manualTime',
    value: '25:00',
    data: { slot: 'manual', manualDate: '2026-11-25' },
    expect: 'refused',
    says: da('badSlot'),
  },
  {
    name: 'meeting: a manual date of 31 November is refused, not rolled over to December',
    category: 'wrong-type',
    stage: 'choosing',
    verb: Verb.meetingBook,
    field: 'manualDate',
    value: '2026-11-31',
    data: { slot: 'manual', manualTime: '10:00' },
    expect: 'refused',
    says: da('badSlot'),
  },
  {
    name: 'meeting: a manual time at 03:00 on a Sunday is refused',
    category: 'forged-id',
    stage: 'choosing',
    verb: Verb.meetingBook,
    field: 'manualTime',
    value: '03:00',
    data: { slot: 'manual', manualDate: '2026-11-29' },
    expect: 'refused',
    says: da('badSlot'),
  },
  {
    name: 'meeting: an empty manual date is refused',
    category: 'empty',
    stage: 'choosing',
    verb: Verb.meetingBook,
    field: 'manualDate',
    value: '',
    data: { slot: 'manual' },
    expect: 'refused',
    says: da('badSlot'),
  },
  {
    name: 'meeting: HTML in the manual time is refused',
    category: 'html',
    stage: 'choosing',
    verb: Verb.meetingBook,
    field: 'manualTime',
    value: '<b>13:00</b>',
    data: { slot: 'manual', manualDate: '2026-11-25' },
    expect: 'refused',
    says: da('badSlot'),
  },
  {
    name: 'meeting: a manual date sent as a number is refused',
    category: 'wrong-type',
    stage: 'choosing',
    verb: Verb.meetingBook,
    field: 'manualDate',
    value: 20261125,
    data: { slot: 'manual' },
    expect: 'refused',
    says: da('badSlot'),
  },
  {
    name: 'meeting: the same booking five times at once books one meeting',
    category: 'duplicate',
    stage: 'choosing',
    verb: Verb.meetingBook,
    repeat: 5,
    expect: 'accepted-clean',
    stored: { 'meeting.status': 'booked' },
  },

  // --------------------------------------------------------------------------------------------------- warning
  {
    name: 'warning: Danish letters and emoji round-trip exactly',
    category: 'danish',
    stage: 'warning',
    verb: Verb.warningSubmit,
    field: 'description',
    value: 'Borgeren sagde: “I Ærø Kommune får Søren en lærestreg” 😠🇩🇰',
    expect: 'accepted-clean',
    stored: { 'warning.description': 'Borgeren sagde: “I Ærø Kommune får Søren en lærestreg” 😠🇩🇰' },
  },
  {
    name: 'warning: a direction override in the description is removed',
    category: 'bidi',
    stage: 'warning',
    verb: Verb.warningSubmit,
    field: 'description',
    value: `Truede med at dele ${RLO}fdp.navn${PDF}`,
    expect: 'accepted-clean',
    stored: { 'warning.description': 'Truede med at dele fdp.navn' },
  },
  {
    name: 'warning: an impossible date is refused',
    category: 'wrong-type',
    stage: 'warning',
    verb: Verb.warningSubmit,
    field: 'notedOn',
    value: '2026-13-01',
    expect: 'refused',
    says: FIELD_ERRORS.dateInvalid.da,
  },
  {
    name: 'warning: a suggestion toggle sent as an object counts as "not taken"',
    category: 'wrong-type',
    stage: 'warning',
    verb: Verb.warningSubmit,
    field: 's_journalNote',
    value: { checked: true },
    expect: 'accepted-clean',
    stored: { 'warning.taken': [] },
  },
  {
    name: 'warning: a description of 10 000 characters is refused',
    category: 'oversized',
    stage: 'warning',
    verb: Verb.warningSubmit,
    field: 'description',
    value: LONG_TEXT,
    expect: 'refused',
    says: FIELD_ERRORS.tooLong.da,
  },

  // --------------------------------------------------------------------------------------------- payload level
  {
    name: 'payload: a verb that is a number is refused',
    category: 'wrong-type',
    stage: 'intake',
    verb: 42,
    expect: 'refused',
    says: da('badRequest'),
  },
  {
    name: 'payload: a verb that is null is refused',
    category: 'wrong-type',
    stage: 'intake',
    verb: null,
    expect: 'refused',
    says: da('badRequest'),
  },
  {
    name: 'payload: data that is an array is refused',
    category: 'wrong-type',
    stage: 'intake',
    verb: Verb.intakeSubmit,
    data: [CASE, REV],
    expect: 'refused',
    says: da('badRequest'),
  },
  {
    name: 'payload: data that is a string is refused',
    category: 'wrong-type',
    stage: 'intake',
    verb: Verb.intakeSubmit,
    data: `caseId=${CASE}&rev=1`,
    expect: 'refused',
    says: da('badRequest'),
  },
  {
    name: 'payload: an unknown verb is refused',
    category: 'unknown-verb',
    stage: 'intake',
    verb: 'opb.case.delete-all',
    expect: 'refused',
    says: da('badRequest'),
  },
  {
    name: 'payload: the verb "__proto__" is refused',
    category: 'unknown-verb',
    stage: 'intake',
    verb: '__proto__',
    expect: 'refused',
    says: da('badRequest'),
  },
  {
    name: 'payload: a verb of 200 000 characters is refused',
    category: 'oversized',
    stage: 'intake',
    verb: `opb.${'x'.repeat(200_000)}`,
    expect: 'refused',
    says: da('badRequest'),
  },
  {
    name: 'payload: a 600 KB body is refused before it is read',
    category: 'oversized',
    stage: 'intake',
    verb: Verb.intakeSubmit,
    rawBytes: 600 * 1024,
    expect: 'refused',
  },
  {
    name: "payload: an employee opening a manager's case is refused",
    category: 'forged-id',
    stage: 'assessment',
    as: 'anders',
    verb: Verb.open,
    expect: 'refused',
    says: da('forbidden'),
  },
  {
    name: 'payload: a path-like case id is refused',
    category: 'forged-id',
    stage: 'intake',
    verb: Verb.intakeSubmit,
    data: { caseId: '../users/x' },
    expect: 'refused',
    says: da('badRequest'),
  },
  {
    name: "payload: a path after the case's id is refused",
    category: 'forged-id',
    stage: 'intake',
    verb: Verb.intakeSubmit,
    data: { caseId: `${CASE}/../../index` },
    expect: 'refused',
    says: da('badRequest'),
  },
  {
    name: "payload: the case's id with a trailing newline is refused",
    category: 'forged-id',
    stage: 'intake',
    verb: Verb.intakeSubmit,
    data: { caseId: `${CASE}\n` },
    expect: 'refused',
    says: da('badRequest'),
  },
  {
    name: 'payload: a case id sent as a query object is refused',
    category: 'wrong-type',
    stage: 'intake',
    verb: Verb.intakeSubmit,
    data: { caseId: { $ne: null } },
    expect: 'refused',
    says: da('badRequest'),
  },
  {
    name: 'payload: an unknown case id is refused',
    category: 'forged-id',
    stage: 'intake',
    verb: Verb.intakeSubmit,
    data: { caseId: 'zzzzzzzzzzzz' },
    expect: 'refused',
    says: da('unknownCase'),
  },
  {
    name: "payload: another manager's start id naming Mette's case is refused and stores nothing",
    category: 'forged-id',
    stage: 'intake',
    as: 'peter',
    verb: Verb.newIncident,
    data: { startId: CASE, departmentId: 'boern-familie' },
    expect: 'refused',
    says: da('forbidden'),
  },
  {
    name: 'payload: a path-like start id is refused',
    category: 'forged-id',
    stage: 'start',
    verb: Verb.newIncident,
    data: { startId: '../cases/x' },
    expect: 'refused',
    says: da('badRequest'),
  },
  {
    name: 'payload: "new case" five times at once opens one case',
    category: 'duplicate',
    stage: 'start',
    verb: Verb.newIncident,
    repeat: 5,
    expect: 'accepted-clean',
  },
  {
    name: 'payload: prototype keys on a view-only verb change nothing',
    category: 'prototype',
    stage: 'assessment',
    verb: Verb.open,
    data: own({ constructor: { prototype: { polluted: 'yes' } } }, '__proto__', { polluted: 'yes', isAdmin: true }),
    expect: 'ignored',
  },
];
