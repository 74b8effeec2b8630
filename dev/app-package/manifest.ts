import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AppManifestUtils } from '@microsoft/app-manifest';
import AjvDraft04 from 'ajv-draft-04';
import { v5 } from 'uuid';
import { decodePng } from './png';
import { writeZip, type ZipEntry } from './zip';

/**
 * The Teams app package: fill manifest/manifest.template.json from settings, validate it offline against the
 * schema bundled in @microsoft/app-manifest, and zip it with the localization file and the icons.
 */

/** The newest Teams manifest schema @microsoft/app-manifest 1.1.2 bundles (it ships v1.0–v1.30, no v1.18). */
export const MANIFEST_VERSION = '1.30';
export const DEMO_GUID = '00000000-0000-0000-0000-000000000000';
export const DEMO_BOT_DOMAIN = 'opbakning.example.org';
export const PACKAGE_FILES = ['manifest.json', 'da.json', 'color.png', 'outline.png'] as const;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HOST = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/i;
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;
/** Fixed namespace for the Teams app id derived from the bot id (UUID v5), so the same bot always gets the same app id. */
const TEAMS_APP_ID_NAMESPACE = '208b0d4a-5c32-4503-b490-516bdffd4bfe';
const DEFAULT_PUBLISHER_NAME = 'Kommunens IT-afdeling';

/** The `${{NAME}}` placeholders of the template. */
export const PLACEHOLDERS = [
  'APP_ID',
  'APP_VERSION',
  'BOT_ID',
  'BOT_DOMAIN',
  'AAD_APP_CLIENT_ID',
  'AAD_APP_URI',
  'PUBLISHER_NAME',
  'PUBLISHER_URL',
  'PRIVACY_URL',
  'TERMS_URL',
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type PackageValues = Readonly<Record<Placeholder, string>>;

/** The environment variables `npm run package` reads. */
export const PACKAGE_ENV = [
  'MicrosoftAppId',
  'BOT_DOMAIN',
  'TEAMS_APP_ID',
  'AAD_APP_CLIENT_ID',
  'AAD_APP_URI',
  'APP_VERSION',
  'PUBLISHER_NAME',
  'PUBLISHER_URL',
  'PRIVACY_URL',
  'TERMS_URL',
] as const;

export class PackageSettingsError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Cannot build the Teams app package; fix these settings:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'PackageSettingsError';
  }
}

export class PackageValidationError extends Error {
  constructor(readonly errors: readonly string[]) {
    super(`The Teams app package is not valid:\n${errors.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'PackageValidationError';
  }
}

export interface ResolvedSettings {
  readonly values: PackageValues;
  /** True without MicrosoftAppId: placeholder ids, a package that validates but reaches no bot. */
  readonly demo: boolean;
  readonly warnings: readonly string[];
}

/** The Teams app id used when TEAMS_APP_ID is not set: stable for a given bot id. */
export function teamsAppIdFor(botId: string): string {
  return v5(`opbakning-teams-app:${botId.toLowerCase()}`, TEAMS_APP_ID_NAMESPACE);
}

function httpsUrl(name: string, value: string, problems: string[]): void {
  const protocol = URL.canParse(value) ? new URL(value).protocol : '';
  if (protocol !== 'https:' || /\s/.test(value) || value.length > 2048)
    problems.push(`${name} is "${value}"; use a full https:// address (at most 2048 characters).`);
}

/**
 * Turns the environment into the template's values, checking each; every problem is reported at once.
 * Without MicrosoftAppId the package is a demo: all ids 00000000-…, bot domain opbakning.example.org.
 */
export function resolveSettings(env: NodeJS.ProcessEnv, packageVersion: string): ResolvedSettings {
  const get = (name: string) => env[name]?.trim() ?? '';
  const problems: string[] = [];
  const warnings: string[] = [];

  const appId = get('MicrosoftAppId').toLowerCase();
  const demo = !appId;
  if (appId && !GUID.test(appId))
    problems.push(
      `MicrosoftAppId is "${get('MicrosoftAppId')}"; it must be the bot's Entra application (client) ID, a GUID such as 12345678-9abc-def0-1234-56789abcdef0.`,
    );
  const botId = appId || DEMO_GUID;

  const teamsAppId = get('TEAMS_APP_ID').toLowerCase() || (demo ? DEMO_GUID : teamsAppIdFor(botId));
  if (!GUID.test(teamsAppId))
    problems.push(`TEAMS_APP_ID is "${get('TEAMS_APP_ID')}"; it must be a GUID (or leave it unset to derive one).`);

  let botDomain = get('BOT_DOMAIN').toLowerCase();
  if (!botDomain) {
    if (demo) botDomain = DEMO_BOT_DOMAIN;
    else problems.push('BOT_DOMAIN is missing; set it to the host name of the bot, e.g. opbakning-bot.azurewebsites.net.');
  } else if (!HOST.test(botDomain))
    problems.push(
      `BOT_DOMAIN is "${get('BOT_DOMAIN')}"; give the host name only, e.g. opbakning-bot.azurewebsites.net (no https://, no path, no port).`,
    );

  // Defaults derived from a value already reported as wrong are not reported again.
  const aadClientId = get('AAD_APP_CLIENT_ID').toLowerCase() || botId;
  if (!get('AAD_APP_CLIENT_ID') && !GUID.test(botId)) {
    // MicrosoftAppId is reported above
  } else if (!GUID.test(aadClientId))
    problems.push(
      `AAD_APP_CLIENT_ID is "${get('AAD_APP_CLIENT_ID')}"; it must be the client ID (a GUID) of the Entra app used for Teams SSO.`,
    );
  else if (aadClientId !== botId)
    warnings.push('AAD_APP_CLIENT_ID differs from MicrosoftAppId; Teams SSO for a bot normally uses the bot’s own app registration.');

  const aadUri = get('AAD_APP_URI') || `api://${botDomain || DEMO_BOT_DOMAIN}/botid-${botId}`;
  const uriMatch = /^api:\/\/(?:([a-z0-9.-]+)\/)?botid-([0-9a-f-]{36})$/i.exec(aadUri);
  const uriDerivedFromBad = !get('AAD_APP_URI') && (!GUID.test(botId) || (!!botDomain && !HOST.test(botDomain)));
  if (uriDerivedFromBad) {
    // MicrosoftAppId or BOT_DOMAIN is reported above
  } else if (!uriMatch || !GUID.test(uriMatch[2] as string))
    problems.push(
      `AAD_APP_URI is "${aadUri}"; it must be the Application ID URI of the Entra app, api://<bot domain>/botid-<bot app id> or api://botid-<bot app id> (Teams requires the botid- prefix).`,
    );
  else {
    if ((uriMatch[2] as string).toLowerCase() !== botId)
      warnings.push(`AAD_APP_URI names botid-${uriMatch[2]}, not the bot id ${botId}; Teams SSO will not match the bot.`);
    if (uriMatch[1] && botDomain && uriMatch[1].toLowerCase() !== botDomain)
      warnings.push(`AAD_APP_URI names the domain ${uriMatch[1]}, but BOT_DOMAIN is ${botDomain}.`);
  }

  const version = get('APP_VERSION') || packageVersion;
  if (!SEMVER.test(version))
    problems.push(`APP_VERSION is "${version}"; Teams needs MAJOR.MINOR.PATCH digits only, e.g. 1.0.3 (raise it for every upload).`);

  const publisherName = get('PUBLISHER_NAME') || DEFAULT_PUBLISHER_NAME;
  if (publisherName.length > 32) problems.push(`PUBLISHER_NAME is ${publisherName.length} characters; Teams allows at most 32.`);

  const urls = {
    PUBLISHER_URL: get('PUBLISHER_URL') || `https://${DEMO_BOT_DOMAIN}/`,
    PRIVACY_URL: get('PRIVACY_URL') || `https://${DEMO_BOT_DOMAIN}/privacy`,
    TERMS_URL: get('TERMS_URL') || `https://${DEMO_BOT_DOMAIN}/terms`,
  };
  for (const [name, value] of Object.entries(urls)) httpsUrl(name, value, problems);
  const unsetUrls = Object.keys(urls).filter((name) => !get(name));

  if (problems.length) throw new PackageSettingsError(problems);

  if (demo)
    warnings.unshift(
      `DEMO PACKAGE: MicrosoftAppId is not set, so the package uses the placeholder ids ${DEMO_GUID} and the bot domain ${botDomain}. ` +
        'It is valid, but Teams cannot reach a bot with it. For a real package set MicrosoftAppId and BOT_DOMAIN ' +
        `(optionally ${PACKAGE_ENV.slice(2).join(', ')}); see deploy/README.md.`,
    );
  else if (unsetUrls.length)
    warnings.push(
      `${unsetUrls.join(', ')} not set: the package links to placeholder pages on ${DEMO_BOT_DOMAIN}; set your municipality's pages.`,
    );

  return {
    demo,
    warnings,
    values: {
      APP_ID: teamsAppId,
      APP_VERSION: version,
      BOT_ID: botId,
      BOT_DOMAIN: botDomain,
      AAD_APP_CLIENT_ID: aadClientId,
      AAD_APP_URI: aadUri,
      PUBLISHER_NAME: publisherName,
      ...urls,
    },
  };
}

/** Replaces every `${{NAME}}` in the template's strings (never in keys); an unknown or missing name is an error. */
export function fillTemplate<T>(template: T, values: Partial<Record<string, string>>): T {
  const missing = new Set<string>();
  const fill = (node: unknown): unknown => {
    if (typeof node === 'string')
      return node.replace(/\$\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g, (_m, name: string) => {
        const value = values[name];
        if (value === undefined) {
          missing.add(name);
          return '';
        }
        return value;
      });
    if (Array.isArray(node)) return node.map(fill);
    if (node && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, fill(v)]));
    return node;
  };
  const filled = fill(template) as T;
  if (missing.size) throw new PackageSettingsError([...missing].map((n) => `the template uses \${{${n}}}, which has no value`));
  return filled;
}

function appManifestSchemaDir(): string {
  return join(dirname(require.resolve('@microsoft/app-manifest/package.json')), 'build', 'json-schemas');
}

/**
 * The bundled local copy of a Teams `$schema` URL, the way @microsoft/app-manifest maps it
 * (https://developer.microsoft.com/[xx-yy/]json-schemas/teams/vX/…). Throws instead of fetching when the
 * package does not ship it, and refuses schemas that $ref anything outside themselves.
 */
export function bundledSchema(schemaUrl: string): Record<string, unknown> {
  let url: URL | undefined;
  try {
    url = new URL(schemaUrl);
  } catch {
    // reported below
  }
  const path =
    url?.hostname === 'developer.microsoft.com' ? url.pathname.replace(/^\/[a-z]{2}(?:-[a-z]{2})?(?=\/json-schemas\/)/i, '') : '';
  const m = /^\/json-schemas\/teams\/(v\d+\.\d+|vDevPreview)\/(MicrosoftTeams(?:\.Localization)?\.schema\.json)$/.exec(path);
  if (!m) throw new Error(`$schema "${schemaUrl}" is not a Teams manifest or localization schema URL`);
  const file = join(appManifestSchemaDir(), 'teams', m[1] as string, m[2] as string);
  if (!existsSync(file)) throw new Error(`$schema "${schemaUrl}" is not bundled in @microsoft/app-manifest; refusing to fetch it`);
  // The same clean-up the package applies before parsing (some schemas carry \a or \v in regex strings).
  const schema = JSON.parse(readFileSync(file, 'utf8').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b')) as Record<string, unknown>;
  const external: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object')
      for (const [k, v] of Object.entries(node)) {
        if (k === '$ref' && typeof v === 'string' && !v.startsWith('#')) external.push(v);
        walk(v);
      }
  };
  walk(schema);
  if (external.length) throw new Error(`${file} refers to external schemas (${external.join(', ')}); offline validation is not possible`);
  return schema;
}

/** Runs `fn` with `fetch` replaced by one that throws, so validation provably stays offline. */
async function offline<T>(fn: () => Promise<T>): Promise<T> {
  const original = globalThis.fetch;
  globalThis.fetch = (async (input: unknown) => {
    throw new Error(`network access during offline validation: ${String(input)}`);
  }) as typeof fetch;
  try {
    return await fn();
  } finally {
    globalThis.fetch = original;
  }
}

type Validatable = Parameters<typeof AppManifestUtils.validateAgainstSchema>[0];
type ValidationSchema = Parameters<typeof AppManifestUtils.validateAgainstSchema>[1];

/**
 * The localization schemas @microsoft/app-manifest bundles (v1.17 onwards) contain a pattern that is not a valid
 * unicode-mode RegExp (`…\b]\.description$`: a lone `]`), so the package's own Ajv cannot compile them
 * ("Lone quantifier brackets"). They are checked here with the same engine (Ajv, draft-04) and the same options,
 * except that patterns are compiled without the `u` flag, as JSON Schema draft-04 validators traditionally do.
 */
function validateLocalizationSchema(doc: object, schema: Record<string, unknown>): string[] {
  const ajv = new AjvDraft04({ allErrors: true, strictTypes: false, unicodeRegExp: false });
  ajv.addFormat('uri', (s: string) => URL.canParse(s));
  const validate = ajv.compile(schema);
  if (validate(doc)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}. Details: ${JSON.stringify(e.params)}`);
}

/**
 * JSON-schema errors of a document against the bundled schema its `$schema` names; [] when valid. Manifests go
 * through @microsoft/app-manifest's validator; localization files as described above. Never touches the network.
 */
export async function validateAgainstBundledSchema(doc: unknown): Promise<string[]> {
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return ['the document is not a JSON object'];
  const schemaUrl = (doc as { $schema?: unknown }).$schema;
  if (typeof schemaUrl !== 'string') return ['the document has no $schema'];
  let schema: Record<string, unknown>;
  try {
    schema = bundledSchema(schemaUrl);
  } catch (e) {
    return [(e as Error).message];
  }
  if (/MicrosoftTeams\.Localization\.schema\.json$/.test(schemaUrl)) return validateLocalizationSchema(doc, schema);
  return offline(() => AppManifestUtils.validateAgainstSchema(doc as Validatable, schema as ValidationSchema));
}

interface ManifestShape {
  manifestVersion?: string;
  icons?: { color?: string; outline?: string };
  localizationInfo?: { additionalLanguages?: { languageTag: string; file: string }[] };
  bots?: { commandLists?: { commands?: { title?: string }[] }[] }[];
}

/** Icon rules the schema cannot express: sizes, and an outline that is white or transparent only. */
export function iconProblems(name: string, png: Uint8Array, kind: 'color' | 'outline'): string[] {
  let image: ReturnType<typeof decodePng>;
  try {
    image = decodePng(png);
  } catch (e) {
    return [`${name}: ${(e as Error).message}`];
  }
  const size = kind === 'color' ? 192 : 32;
  const problems: string[] = [];
  if (image.width !== size || image.height !== size)
    problems.push(`${name} is ${image.width}×${image.height}; the ${kind} icon must be ${size}×${size}`);
  if (kind === 'outline') {
    let bad = 0;
    let white = 0;
    for (let i = 0; i < image.data.length; i += 4) {
      const alpha = image.data[i + 3] as number;
      if (alpha === 0) continue;
      if (image.data[i] === 255 && image.data[i + 1] === 255 && image.data[i + 2] === 255) white++;
      else bad++;
    }
    if (bad) problems.push(`${name} has ${bad} visible pixels that are not white; the outline icon must be white on transparent`);
    if (!white) problems.push(`${name} is empty`);
  }
  return problems;
}

/**
 * Validates a whole package, offline: manifest.json and every localization file against their bundled schemas,
 * the files the manifest names are there, the icons' rules, and every command localized in every language.
 */
export async function validatePackage(files: ReadonlyMap<string, Uint8Array>): Promise<string[]> {
  const errors: string[] = [];
  const json = (name: string): unknown => {
    const data = files.get(name);
    if (!data) {
      errors.push(`${name} is missing from the package`);
      return undefined;
    }
    try {
      return JSON.parse(Buffer.from(data).toString('utf8'));
    } catch (e) {
      errors.push(`${name} is not JSON: ${(e as Error).message}`);
      return undefined;
    }
  };
  const manifest = json('manifest.json') as ManifestShape | undefined;
  if (!manifest) return errors;
  errors.push(...(await validateAgainstBundledSchema(manifest)).map((e) => `manifest.json${e.startsWith('/') ? '' : ': '}${e}`));
  if (manifest.manifestVersion !== MANIFEST_VERSION)
    errors.push(`manifest.json: manifestVersion is ${manifest.manifestVersion}; this project builds ${MANIFEST_VERSION}`);

  for (const kind of ['color', 'outline'] as const) {
    const name = manifest.icons?.[kind];
    const png = name ? files.get(name) : undefined;
    if (!name || !png) errors.push(`the ${kind} icon ${name ?? '(not named)'} is missing from the package`);
    else errors.push(...iconProblems(name, png, kind));
  }

  const commands: string[] = [];
  (manifest.bots?.[0]?.commandLists ?? []).forEach((list, i) => {
    (list.commands ?? []).forEach((_c, j) => {
      commands.push(`bots[0].commandLists[${i}].commands[${j}].title`);
    });
  });
  for (const lang of manifest.localizationInfo?.additionalLanguages ?? []) {
    const doc = json(lang.file) as Record<string, unknown> | undefined;
    if (!doc) continue;
    errors.push(...(await validateAgainstBundledSchema(doc)).map((e) => `${lang.file}${e.startsWith('/') ? '' : ': '}${e}`));
    for (const key of Object.keys(doc)) {
      const m = /^(bots\[0\]\.commandLists\[\d+\]\.commands\[\d+\])\.(title|description|prompt)$/.exec(key);
      if (m && !commands.includes(`${m[1]}.title`)) errors.push(`${lang.file}: ${key} names a command the manifest does not have`);
    }
    for (const key of commands) if (typeof doc[key] !== 'string') errors.push(`${lang.file} (${lang.languageTag}) has no ${key}`);
  }
  return errors;
}

/** The folder holding manifest/manifest.template.json, searched upwards from `start` (works from dev/ and dist/dev/). */
export function findRepoRoot(start: string): string {
  let dir = start;
  for (;;) {
    if (existsSync(join(dir, 'manifest', 'manifest.template.json'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error(`manifest/manifest.template.json not found above ${start}`);
    dir = up;
  }
}

export interface BuiltPackage {
  readonly outFile: string;
  readonly manifest: Record<string, unknown>;
  readonly settings: ResolvedSettings;
  readonly entries: readonly ZipEntry[];
}

/** The package's files, in zip order, filled from `settings`. */
export function packageFiles(root: string, settings: ResolvedSettings): { manifest: Record<string, unknown>; entries: ZipEntry[] } {
  const read = (name: string) => readFileSync(join(root, 'manifest', name));
  const template = JSON.parse(read('manifest.template.json').toString('utf8')) as Record<string, unknown>;
  const manifest = fillTemplate(template, settings.values);
  const danish = fillTemplate(JSON.parse(read('da.json').toString('utf8')) as Record<string, unknown>, settings.values);
  const text = (doc: unknown) => Buffer.from(`${JSON.stringify(doc, null, 2)}\n`, 'utf8');
  return {
    manifest,
    entries: [
      { name: 'manifest.json', data: text(manifest) },
      { name: 'da.json', data: text(danish) },
      { name: 'color.png', data: read('color.png') },
      { name: 'outline.png', data: read('outline.png') },
    ],
  };
}

/** Resolves the settings, fills, validates offline and writes the zip; throws PackageSettingsError / PackageValidationError. */
export async function buildAppPackage(options: { root: string; env: NodeJS.ProcessEnv; outFile: string }): Promise<BuiltPackage> {
  const pkg = JSON.parse(readFileSync(join(options.root, 'package.json'), 'utf8')) as { version?: string };
  const settings = resolveSettings(options.env, pkg.version ?? '');
  const { manifest, entries } = packageFiles(options.root, settings);
  const errors = await validatePackage(new Map(entries.map((e) => [e.name, e.data])));
  if (errors.length) throw new PackageValidationError(errors);
  mkdirSync(dirname(options.outFile), { recursive: true });
  writeFileSync(options.outFile, writeZip(entries));
  return { outFile: options.outFile, manifest, settings, entries };
}
