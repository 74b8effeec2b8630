/**
 * Test helper: validates an Adaptive Card the way Teams will see it.
 *
 * `validateCard(card)` returns a list of readable problems (empty list = valid). Each problem starts
 * with its source ([schema], [adaptivecards], [teams]) and a JSON path such as `$.body[2].isRequred`.
 *
 * Three layers:
 *  1. JSON schema: the official Adaptive Card 1.5.0 schema, vendored in tests/fixtures/adaptive-card/ (MIT, source noted there).
 *  2. The `adaptivecards` 3.0.6 parser + validateProperties(), minus its documented Teams false positives
 *     (dev/preview/teams-false-positives.ts, shared with `npm run preview`).
 *  3. Teams rules: version "1.5", <= 28 KB, Action.Execute with verb, unique input ids, no Action.Submit
 *     (except as the fallback of an Action.Execute).
 *
 * Findings about the schema (adaptive-card-1.5.0.json, commit 0353e1bd):
 *  - It declares `$schema` draft-06 but uses the draft-04 keyword `id` (plain `ajv` 8 throws
 *    `NOT SUPPORTED: keyword "id"`; `ajv-draft-04` cannot load the draft-06 meta-schema because that uses
 *    `$id`). What compiles: `ajv-draft-04` with `$schema` rewritten to draft-04 (the schema uses no
 *    draft-06-only validation keyword, only the `examples` annotation), the schema's own annotation keywords
 *    (`version`, `features`, `example`, `examples`) registered as vocabulary, the formats `uri` and
 *    `uri-reference` registered, and `strictTypes: false` (it uses `pattern`/`required` without `type`
 *    everywhere). Strict mode otherwise stays on, so no schema keyword is silently ignored.
 *  - It DOES reject unknown/misspelled properties by itself: every typed definition (Input.Text,
 *    Action.Execute, AdaptiveCard, ...) has `additionalProperties: false` and redeclares the inherited
 *    properties of its Extendable.* bases as `{}`. So no extra "strict" pass is needed; `isRequred`, a root
 *    `msteams` and `choices.data` are all rejected by the schema itself (hence the explicit Teams allowance).
 *  - It rejects unknown element/action types (`ImplementationsOf.*` is an anyOf over type-pinned branches),
 *    and missing required properties (e.g. `Input.Toggle.title`, `Input.*.id`, `TextBlock.text`).
 *  - It does NOT check: the card version value (any string), `Action.Execute.verb` presence, id uniqueness,
 *    payload size, or that `Action.Submit` is unwanted in Teams - those are the Teams rules below.
 *  - Quirk: `Container`/`TableCell` spell the rtl property `"rtl?"`; we rename it to `rtl` in our in-memory
 *    copy so valid 1.5 cards using `rtl` are not rejected.
 *  - Quirk: `ChoiceInputStyle` lists "filtered" in an enum but its alternative pattern rejects it; since it
 *    is an anyOf, "filtered" is accepted anyway (no change needed).
 *  - Readability: an anyOf over ~16 element branches reports every branch's failure (40+ errors for one
 *    typo). Because each branch pins a distinct `type` value, we rewrite those anyOfs to the equivalent
 *    `oneOf` + ajv `discriminator: { propertyName: "type" }`, so only the branch for the element's actual
 *    type reports errors, and an unknown type gives one clear error.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type * as ACTypes from 'adaptivecards';
import type { ErrorObject, ValidateFunction } from 'ajv';
import AjvDraft04 from 'ajv-draft-04';
import { isTeamsFalsePositive, peoplePickerIds } from '../../dev/preview/teams-false-positives';

// `require('adaptivecards')` fails in Node/jest (lib/ is ESM with extensionless imports); the UMD bundle
// works. Types come from the package's lib/*.d.ts.
const AC: typeof ACTypes = require('adaptivecards/dist/adaptivecards.js');

export const SCHEMA_PATH = path.resolve(__dirname, '../fixtures/adaptive-card/adaptive-card-1.5.0.json');
export const MAX_CARD_BYTES = 28 * 1024;
export const TEAMS_CARD_VERSION = '1.5';
export const PEOPLE_PICKER_DATASETS: readonly string[] = ['graph.microsoft.com/users', 'graph.microsoft.com/users?scope=currentContext'];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };
type Segment = string | number;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** UTF-8 size in bytes of the card as it is serialized for sending. */
export function cardSize(card: unknown): number {
  return Buffer.byteLength(JSON.stringify(card) ?? '', 'utf8');
}

// ---------------------------------------------------------------------------------------------------------
// JSON paths

function formatPath(segments: readonly Segment[]): string {
  let out = '$';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(s)) out += `.${s}`;
    else out += `[${JSON.stringify(s)}]`;
  }
  return out;
}

function pointerToSegments(pointer: string): Segment[] {
  if (pointer === '') return [];
  return pointer
    .split('/')
    .slice(1)
    .map((raw) => {
      const s = raw.replace(/~1/g, '/').replace(/~0/g, '~');
      return /^(0|[1-9]\d*)$/.test(s) ? Number(s) : s;
    });
}

function getAt(root: unknown, segments: readonly Segment[]): unknown {
  let cur: unknown = root;
  for (const s of segments) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[String(s)];
  }
  return cur;
}

interface Visit {
  obj: JsonObject;
  path: Segment[];
  parentKey: Segment | undefined;
  parent: JsonObject | Json[] | undefined;
}

/** Free-form payloads that are not card structure and must not be inspected as elements. */
function isPayloadKey(owner: JsonObject, key: string): boolean {
  return (key === 'data' && typeof owner.type === 'string' && owner.type.startsWith('Action.')) || key === 'choices.data';
}

function collectObjects(root: Json): Visit[] {
  const out: Visit[] = [];
  const walk = (node: Json, p: Segment[], parentKey: Segment | undefined, parent: JsonObject | Json[] | undefined) => {
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) walk(node[i], [...p, i], i, node);
    } else if (isObject(node)) {
      out.push({ obj: node, path: p, parentKey, parent });
      for (const [key, child] of Object.entries(node)) {
        if (isPayloadKey(node, key)) continue;
        walk(child, [...p, key], key, node);
      }
    }
  };
  walk(root, [], undefined, undefined);
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// 1. JSON schema

interface SchemaDoc {
  $schema?: string;
  definitions: Record<string, Record<string, unknown>>;
  [key: string]: unknown;
}

let compiled: ValidateFunction | undefined;

function loadSchema(): SchemaDoc {
  if (!fs.existsSync(SCHEMA_PATH)) {
    throw new Error(
      `validate-card: Adaptive Card schema not found at ${SCHEMA_PATH}. ` +
        'It is part of the repository (tests/fixtures/adaptive-card/); restore it with git checkout.',
    );
  }
  return JSON.parse(fs.readFileSync(SCHEMA_PATH, 'utf8')) as SchemaDoc;
}

/** In-memory adjustments; see the header comment. The file on disk is never modified. */
function prepareSchema(raw: SchemaDoc): SchemaDoc {
  const schema = structuredClone(raw);
  const defs = schema.definitions;
  // Uses draft-04 `id`; contains no draft-06-only validation keywords.
  schema.$schema = 'http://json-schema.org/draft-04/schema#';

  // `"rtl?"` typo in Container and TableCell.
  for (const name of ['Container', 'TableCell']) {
    const props = defs[name]?.properties as Record<string, unknown> | undefined;
    if (props && 'rtl?' in props && !('rtl' in props)) {
      props.rtl = props['rtl?'];
      delete props['rtl?'];
    }
  }

  // String enums are written as anyOf [{enum}, {pattern}] (case-insensitive variant); `pattern` ignores
  // non-strings, so without this e.g. `"fallback": { "type": "Bogus" }` passes as a FallbackOption.
  for (const def of Object.values(defs)) {
    if (!Array.isArray(def.anyOf)) continue;
    for (const branch of def.anyOf as unknown[]) {
      if (isObject(branch) && typeof branch.pattern === 'string' && !('type' in branch)) branch.type = 'string';
    }
  }

  // anyOf over type-pinned branches -> oneOf + discriminator (same accepted set, far fewer errors).
  for (const [name, def] of Object.entries(defs)) {
    if (!name.startsWith('ImplementationsOf.') || !Array.isArray(def.anyOf)) continue;
    const refs: string[] = [];
    const ok = (def.anyOf as unknown[]).every((branch) => {
      if (!isObject(branch)) return false;
      const keys = Object.keys(branch).sort().join(',');
      const allOf = branch.allOf;
      const required = branch.required;
      if (keys !== 'allOf,required' || !Array.isArray(required) || required.join() !== 'type') return false;
      if (!Array.isArray(allOf) || allOf.length !== 1 || !isObject(allOf[0])) return false;
      const ref = allOf[0].$ref;
      if (typeof ref !== 'string' || !ref.startsWith('#/definitions/')) return false;
      const target = defs[ref.slice('#/definitions/'.length)];
      const typeProp = (target?.properties as Record<string, unknown> | undefined)?.type;
      if (!isObject(typeProp) || !Array.isArray(typeProp.enum)) return false;
      refs.push(ref);
      return true;
    });
    if (!ok) continue; // e.g. ImplementationsOf.Inline (TextRun may also be a plain string)
    const { anyOf: _dropped, ...rest } = def;
    defs[name] = {
      ...rest,
      type: 'object', // ajv's discriminator only applies to objects; the original branches all required one
      required: ['type'],
      discriminator: { propertyName: 'type' },
      oneOf: refs.map(($ref) => ({ $ref })),
    };
  }
  return schema;
}

function getSchemaValidator(): ValidateFunction {
  if (compiled) return compiled;
  const ajv = new AjvDraft04({ allErrors: true, verbose: true, discriminator: true, strictTypes: false });
  ajv.addVocabulary(['version', 'features', 'example', 'examples']);
  ajv.addFormat('uri', /^[A-Za-z][A-Za-z0-9+.-]*:\S*$/);
  ajv.addFormat('uri-reference', /^\S*$/);
  compiled = ajv.compile(prepareSchema(loadSchema()));
  return compiled;
}

function typeNameOf(value: unknown): string | undefined {
  return isObject(value) && typeof value.type === 'string' ? value.type : undefined;
}

function describeSchemaError(e: ErrorObject, data: unknown): string {
  const segs = pointerToSegments(e.instancePath);
  const where = formatPath(segs);
  const typeName = typeNameOf(getAt(data, segs));
  const on = typeName ? ` on ${typeName}` : '';
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'additionalProperties':
      return `[schema] ${formatPath([...segs, String(params.additionalProperty)])}: unknown property "${String(
        params.additionalProperty,
      )}"${on} (not in the Adaptive Card 1.5 schema - misspelled?)`;
    case 'required':
      return `[schema] ${where}: missing required property "${String(params.missingProperty)}"${on}`;
    case 'discriminator': {
      const oneOf = (e.parentSchema as { oneOf?: { $ref: string }[] } | undefined)?.oneOf ?? [];
      const allowed = oneOf.map((b) => b.$ref.replace('#/definitions/', '')).join(', ');
      if (params.error === 'mapping') {
        return `[schema] ${formatPath([...segs, 'type'])}: unknown type ${JSON.stringify(
          params.tagValue,
        )} - not allowed here by the Adaptive Card 1.5 schema (allowed: ${allowed})`;
      }
      return `[schema] ${formatPath([...segs, 'type'])}: "type" must be a string (one of: ${allowed})`;
    }
    case 'enum':
      return `[schema] ${where}: value ${JSON.stringify(e.data)} is not allowed (expected one of ${(params.allowedValues as unknown[])
        .map((v) => JSON.stringify(v))
        .join(', ')})`;
    case 'anyOf':
      return `[schema] ${where}: value ${truncate(JSON.stringify(e.data))} matches none of the allowed forms`;
    default:
      return `[schema] ${where}: ${e.message ?? e.keyword}${on}`;
  }
}

function truncate(s: string | undefined, max = 60): string {
  if (s === undefined) return 'undefined';
  return s.length > max ? `${s.slice(0, max)}...` : s;
}

function isAtOrBelow(pointer: string, base: string): boolean {
  return pointer === base || pointer.startsWith(`${base}/`);
}

/**
 * Turns ajv's error list into readable problems. anyOf produces one error per failed branch plus a summary;
 * keep the informative ones:
 *  - an anyOf summary is dropped when a specific error (not a plain type mismatch) exists at or below its
 *    path; the branches' "must be object/string" mismatches at its own path are dropped with it;
 *  - otherwise the summary is kept with the expected types folded in;
 *  - the case-insensitive `pattern` twin of a failed `enum` at the same path is dropped;
 *  - a string-enum alternative failed by an object (e.g. `fallback` "drop") is dropped when that object has
 *    its own, more specific errors.
 */
function schemaProblems(data: unknown): string[] {
  const validate = getSchemaValidator();
  if (validate(data)) return [];
  const errors = validate.errors ?? [];
  const drop = new Set<ErrorObject>();
  const expectedTypes = new Map<ErrorObject, string[]>();

  for (const e of errors) {
    if (e.keyword === 'discriminator') {
      // A missing "type" is already reported by `required`.
      const missingType = errors.some(
        (o) =>
          o.keyword === 'required' &&
          o.instancePath === e.instancePath &&
          (o.params as { missingProperty?: string }).missingProperty === 'type',
      );
      if (missingType) drop.add(e);
    }
    if (e.keyword === 'pattern' && errors.some((o) => o.keyword === 'enum' && o.instancePath === e.instancePath)) {
      drop.add(e);
    }
    if (
      e.keyword === 'enum' &&
      typeof e.data === 'object' &&
      e.data !== null &&
      errors.some((o) => o !== e && o.keyword !== 'anyOf' && o.keyword !== 'enum' && isAtOrBelow(o.instancePath, e.instancePath))
    ) {
      // e.g. the "drop" alternative of `fallback` when the fallback is an element with its own errors.
      drop.add(e);
    }
    if (e.keyword === 'anyOf') {
      const related = errors.filter((o) => o !== e && isAtOrBelow(o.instancePath, e.instancePath));
      const ownTypeErrors = related.filter((o) => o.keyword === 'type' && o.instancePath === e.instancePath);
      for (const t of ownTypeErrors) drop.add(t);
      const specific = related.some((o) => o.keyword !== 'anyOf' && !ownTypeErrors.includes(o));
      if (specific) drop.add(e);
      else
        expectedTypes.set(
          e,
          ownTypeErrors.map((t) => String((t.params as { type?: unknown }).type)),
        );
    }
  }

  const out = new Set<string>();
  for (const e of errors) {
    if (drop.has(e)) continue;
    let msg = describeSchemaError(e, data);
    const types = expectedTypes.get(e);
    if (types?.length) msg += ` (expected ${[...new Set(types)].join(' or ')})`;
    out.add(msg);
  }
  return [...out];
}

// ---------------------------------------------------------------------------------------------------------
// Teams-only additions (checked here, then removed from the copy given to the schema)

const MSTEAMS_KEYS = new Set(['width', 'entities']);

function checkMention(entity: unknown, where: Segment[], problems: string[]) {
  const p = formatPath(where);
  if (!isObject(entity)) {
    problems.push(`[teams] ${p}: msteams entity must be an object`);
    return;
  }
  const extra = Object.keys(entity).filter((k) => !['type', 'text', 'mentioned'].includes(k));
  if (extra.length) problems.push(`[teams] ${p}: unknown mention properties ${extra.join(', ')}`);
  if (entity.type !== 'mention') problems.push(`[teams] ${p}.type: msteams entity type must be "mention"`);
  if (typeof entity.text !== 'string' || !entity.text) problems.push(`[teams] ${p}.text: mention needs "text" (e.g. "<at>Name</at>")`);
  const m = entity.mentioned;
  if (!isObject(m) || typeof m.id !== 'string' || !m.id || typeof m.name !== 'string' || !m.name)
    problems.push(`[teams] ${p}.mentioned: mention needs "mentioned": { "id": string, "name": string }`);
}

/**
 * Checks the Teams-only properties narrowly and returns a deep copy without them, so the schema (which has
 * additionalProperties: false everywhere) validates the rest strictly.
 */
function stripTeamsExtensions(card: JsonObject, problems: string[]): JsonObject {
  const copy = structuredClone(card);

  // Root `msteams`: { width?: "Full", entities?: mention[] }. Anywhere else the schema rejects it.
  if ('msteams' in copy) {
    const ms = copy.msteams;
    if (!isObject(ms)) {
      problems.push('[teams] $.msteams: must be an object such as { "width": "Full" }');
    } else {
      for (const key of Object.keys(ms)) {
        if (!MSTEAMS_KEYS.has(key))
          problems.push(`[teams] ${formatPath(['msteams', key])}: unknown msteams property "${key}" (allowed: width, entities)`);
      }
      if ('width' in ms && ms.width !== 'Full') problems.push(`[teams] $.msteams.width: must be "Full" (got ${JSON.stringify(ms.width)})`);
      if ('entities' in ms) {
        if (!Array.isArray(ms.entities)) problems.push('[teams] $.msteams.entities: must be an array');
        else for (let i = 0; i < ms.entities.length; i++) checkMention(ms.entities[i], ['msteams', 'entities', i], problems);
      }
    }
    delete copy.msteams;
  }

  // `choices.data` (people picker) only on Input.ChoiceSet; elsewhere the schema reports it.
  for (const { obj, path: p } of collectObjects(copy)) {
    if (obj.type !== 'Input.ChoiceSet' || !('choices.data' in obj)) continue;
    const where = formatPath([...p, 'choices.data']);
    const dq = obj['choices.data'];
    if (!isObject(dq)) {
      problems.push(`[teams] ${where}: must be { "type": "Data.Query", "dataset": "graph.microsoft.com/users" }`);
    } else {
      const extra = Object.keys(dq).filter((k) => k !== 'type' && k !== 'dataset');
      if (extra.length) problems.push(`[teams] ${where}: unknown Data.Query properties ${extra.join(', ')}`);
      if (dq.type !== 'Data.Query') problems.push(`[teams] ${where}.type: must be "Data.Query"`);
      if (typeof dq.dataset !== 'string' || !PEOPLE_PICKER_DATASETS.includes(dq.dataset))
        problems.push(
          `[teams] ${where}.dataset: must be one of ${PEOPLE_PICKER_DATASETS.map((d) => `"${d}"`).join(', ')} (got ${JSON.stringify(
            dq.dataset,
          )})`,
        );
    }
    delete obj['choices.data'];
  }
  return copy;
}

// ---------------------------------------------------------------------------------------------------------
// 2. adaptivecards parser

function parserProblems(card: JsonObject): string[] {
  const visits = collectObjects(card);
  const pickers = peoplePickerIds(card);
  const locate = (type: string | undefined, id: string | undefined): string => {
    const hits = visits.filter((v) => (type === undefined || v.obj.type === type) && (id === undefined || v.obj.id === id));
    if (hits.length === 0 || (type === undefined && id === undefined)) return '$';
    return hits.map((h) => formatPath(h.path)).join(', ');
  };

  const ctx = new AC.SerializationContext(AC.Versions.v1_5);
  const parsed = new AC.AdaptiveCard();
  parsed.parse(card, ctx);
  const events: ACTypes.IValidationEvent[] = [];
  for (let i = 0; i < ctx.eventCount; i++) events.push(ctx.getEventAt(i));
  events.push(...parsed.validateProperties().validationEvents);

  const out = new Set<string>();
  for (const ev of events) {
    const src = ev.source as { getJsonTypeName?: () => string; id?: string } | undefined;
    const srcType = src?.getJsonTypeName?.();
    const srcId = typeof src?.id === 'string' ? src.id : undefined;
    const named = { event: AC.ValidationEvent[ev.event] ?? String(ev.event), message: ev.message, sourceType: srcType, sourceId: srcId };
    if (isTeamsFalsePositive(named, pickers)) continue;
    const typeFromMessage = /type "([^"]+)"/.exec(ev.message)?.[1];
    const where = src ? locate(srcType, srcId) : locate(typeFromMessage, undefined);
    out.add(`[adaptivecards] ${where}: ${AC.ValidationEvent[ev.event]}: ${ev.message}`);
  }
  return [...out];
}

// ---------------------------------------------------------------------------------------------------------
// 3. Teams rules

function teamsProblems(card: JsonObject): string[] {
  const problems: string[] = [];
  if (card.type !== 'AdaptiveCard') problems.push(`[teams] $.type: root type must be "AdaptiveCard" (got ${JSON.stringify(card.type)})`);
  if (card.version !== TEAMS_CARD_VERSION)
    problems.push(
      `[teams] $.version: must be exactly "${TEAMS_CARD_VERSION}" - Teams renders Adaptive Cards up to 1.5 (got ${JSON.stringify(
        card.version,
      )})`,
    );
  const size = cardSize(card);
  if (size > MAX_CARD_BYTES) problems.push(`[teams] $: card is ${size} bytes serialized, over the ${MAX_CARD_BYTES}-byte (28 KB) limit`);

  const inputIds = new Map<string, string[]>();
  for (const { obj, path: p, parentKey, parent } of collectObjects(card)) {
    const type = obj.type;
    if (type === 'Action.Execute' && (typeof obj.verb !== 'string' || obj.verb.trim() === ''))
      problems.push(`[teams] ${formatPath(p)}: Action.Execute needs a non-empty "verb"`);
    if (type === 'Action.Submit') {
      const isExecuteFallback = parentKey === 'fallback' && isObject(parent) && parent.type === 'Action.Execute';
      if (!isExecuteFallback)
        problems.push(
          `[teams] ${formatPath(p)}: Action.Submit is not allowed - use Action.Execute (Action.Submit only as the "fallback" of an Action.Execute)`,
        );
    }
    if (typeof type === 'string' && type.startsWith('Input.') && type !== 'Input.Choice' && typeof obj.id === 'string') {
      const list = inputIds.get(obj.id) ?? [];
      list.push(formatPath(p));
      inputIds.set(obj.id, list);
    }
  }
  for (const [id, paths] of inputIds) {
    if (paths.length > 1) problems.push(`[teams] duplicate input id "${id}" at ${paths.join(', ')}`);
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------------------

/** Returns every problem found; an empty list means the card is valid for Teams. */
export function validateCard(card: unknown): string[] {
  if (!isObject(card)) return [`[teams] $: card must be a JSON object (got ${card === null ? 'null' : typeof card})`];
  let json: JsonObject;
  try {
    json = JSON.parse(JSON.stringify(card)) as JsonObject; // what actually goes over the wire
  } catch (err) {
    return [`[teams] $: card is not JSON-serializable: ${(err as Error).message}`];
  }
  const problems: string[] = [];
  const forSchema = stripTeamsExtensions(json, problems);
  problems.push(...schemaProblems(forSchema));
  problems.push(...parserProblems(json));
  problems.push(...teamsProblems(json));
  return problems;
}
