import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { AppManifestUtils } from '@microsoft/app-manifest';
import { PNG } from 'pngjs';
import {
  buildAppPackage,
  bundledSchema,
  DEMO_BOT_DOMAIN,
  DEMO_GUID,
  fillTemplate,
  iconProblems,
  MANIFEST_VERSION,
  PACKAGE_FILES,
  PackageSettingsError,
  packageFiles,
  resolveSettings,
  teamsAppIdFor,
  validateAgainstBundledSchema,
  validatePackage,
} from '../../dev/app-package/manifest';
import { decodePng, encodePng } from '../../dev/app-package/png';
import { readZip, writeZip } from '../../dev/app-package/zip';
import { writeIcons } from '../../manifest/make-icons';

// @microsoft/app-manifest requires strip-bom 5, an ES module: plain node (20.19+) loads it through require(esm),
// jest (before Node 24.9) cannot. It only strips a byte-order mark from files the package reads itself.
jest.mock(require.resolve('strip-bom', { paths: [require.resolve('@microsoft/app-manifest')] }), () => ({
  __esModule: true,
  default: (s: string) => s.replace(/^\uFEFF/, ''),
}));

const ROOT = join(__dirname, '..', '..');
const MANIFEST_DIR = join(ROOT, 'manifest');
const BOT_ID = '3f2504e0-4f89-11d3-9a0c-0305e82c3301';
const REAL_ENV = {
  MicrosoftAppId: BOT_ID,
  BOT_DOMAIN: 'opbakning-bot.azurewebsites.net',
  APP_VERSION: '1.2.3',
  PUBLISHER_NAME: 'Aarhus Kommune – IT',
  PUBLISHER_URL: 'https://www.aarhus.dk/',
  PRIVACY_URL: 'https://www.aarhus.dk/privatliv',
  TERMS_URL: 'https://www.aarhus.dk/vilkaar',
};

type Json = Record<string, unknown>;
type Commands = { title: string; description?: string }[];
type BotShape = { commandLists: { scopes: string[]; commands: Commands }[] };

function filled(env: NodeJS.ProcessEnv = REAL_ENV) {
  const settings = resolveSettings(env, '0.1.0');
  const { manifest, entries } = packageFiles(ROOT, settings);
  return { settings, manifest, entries, files: new Map(entries.map((e) => [e.name, e.data])) };
}

function settingsProblems(env: NodeJS.ProcessEnv): string[] {
  try {
    resolveSettings(env, '0.1.0');
  } catch (e) {
    if (e instanceof PackageSettingsError) return [...e.problems];
    throw e;
  }
  return [];
}

/** Replaces global fetch with a mock that fails, for the duration of `fn`; returns the mock to inspect. */
async function withFetchForbidden(fn: () => Promise<void>): Promise<jest.Mock> {
  const original = globalThis.fetch;
  const mock = jest.fn(async () => {
    throw new Error('network used');
  });
  globalThis.fetch = mock as unknown as typeof fetch;
  try {
    await fn();
  } finally {
    globalThis.fetch = original;
  }
  return mock;
}

describe('Teams manifest template', () => {
  it('uses the newest Teams schema @microsoft/app-manifest ships, in the $schema form it maps offline', () => {
    const teamsDir = join(dirname(require.resolve('@microsoft/app-manifest/package.json')), 'build', 'json-schemas', 'teams');
    const versions = readdirSync(teamsDir)
      .filter((d) => /^v\d+\.\d+$/.test(d))
      .map((d) => d.slice(1).split('.').map(Number) as [number, number])
      .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const newest = versions.at(-1)?.join('.');
    expect(newest).toBe(MANIFEST_VERSION);

    const template = JSON.parse(readFileSync(join(MANIFEST_DIR, 'manifest.template.json'), 'utf8')) as Json;
    expect(template.manifestVersion).toBe(MANIFEST_VERSION);
    expect(template.$schema).toBe(`https://developer.microsoft.com/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.schema.json`);
    const danish = JSON.parse(readFileSync(join(MANIFEST_DIR, 'da.json'), 'utf8')) as Json;
    expect(danish.$schema).toBe(
      `https://developer.microsoft.com/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.Localization.schema.json`,
    );
  });

  it('fills every placeholder and validates against the bundled schema with no errors', async () => {
    const { manifest, files } = filled();
    expect(JSON.stringify(manifest)).not.toContain('$' + '{{');
    expect(manifest).toMatchObject({
      id: teamsAppIdFor(BOT_ID),
      version: '1.2.3',
      developer: { name: 'Aarhus Kommune – IT', privacyUrl: 'https://www.aarhus.dk/privatliv' },
      bots: [{ botId: BOT_ID, scopes: ['personal', 'team'], supportsFiles: true, isNotificationOnly: false }],
      webApplicationInfo: { id: BOT_ID, resource: `api://opbakning-bot.azurewebsites.net/botid-${BOT_ID}` },
      validDomains: ['opbakning-bot.azurewebsites.net', 'token.botframework.com'],
      permissions: ['identity'],
      localizationInfo: { defaultLanguageTag: 'en-us', additionalLanguages: [{ languageTag: 'da-dk', file: 'da.json' }] },
    });
    expect(await validateAgainstBundledSchema(manifest)).toEqual([]);
    expect(await validatePackage(files)).toEqual([]);
  });

  it('validates with @microsoft/app-manifest without touching the network', async () => {
    const { manifest, files } = filled();
    const url = manifest.$schema as string;
    let direct: string[] = ['not run'];
    let fetched: unknown;
    let whole: string[] = ['not run'];
    const fetchMock = await withFetchForbidden(async () => {
      // The package itself, given the bundled schema…
      direct = await AppManifestUtils.validateAgainstSchema(manifest as never, bundledSchema(url) as never);
      // …and its own $schema resolution maps our URL to the same local file instead of downloading it.
      fetched = await AppManifestUtils.fetchSchema(url);
      whole = await validatePackage(files);
    });
    expect(fetchMock).not.toHaveBeenCalled();
    expect(direct).toEqual([]);
    expect(whole).toEqual([]);
    expect(fetched).toEqual(bundledSchema(url));
  });

  it('refuses a schema the package does not bundle instead of fetching it', async () => {
    expect(() => bundledSchema('https://developer.microsoft.com/json-schemas/teams/v1.18/MicrosoftTeams.schema.json')).toThrow(
      /not bundled.*refusing to fetch/,
    );
    const { manifest } = filled();
    let errors: string[] = [];
    const fetchMock = await withFetchForbidden(async () => {
      errors = await validateAgainstBundledSchema({
        ...manifest,
        $schema: 'https://example.org/schema.json',
      });
    });
    expect(fetchMock).not.toHaveBeenCalled();
    expect(errors.join('\n')).toMatch(/not a Teams manifest/);
  });

  it('proves the validator can fail: a bad id, bot id, scope and missing icon are all reported', async () => {
    const { manifest } = filled();
    const bots = manifest.bots as Json[];
    const bad = {
      ...manifest,
      id: 'not-a-guid',
      icons: { outline: 'outline.png' },
      bots: [{ ...bots[0], botId: 'bot', scopes: ['personal', 'groupchat'] }],
    };
    const errors = await validateAgainstBundledSchema(bad);
    expect(errors.length).toBeGreaterThanOrEqual(4);
    expect(errors.join('\n')).toMatch(/^\/id must match pattern/m);
    expect(errors.join('\n')).toMatch(/^\/bots\/0\/botId must match pattern/m);
    expect(errors.join('\n')).toMatch(/^\/bots\/0\/scopes\/1 must be equal to one of the allowed values/m);
    expect(errors.join('\n')).toMatch(/^\/icons must have required property 'color'/m);
  });

  it('reports a localization file that names unknown keys or misses a command', async () => {
    const { files } = filled();
    const danish = JSON.parse(Buffer.from(files.get('da.json') as Uint8Array).toString('utf8')) as Json;
    delete danish['bots[0].commandLists[0].commands[3].title'];
    danish['bots[0].commandLists[2].commands[0].title'] = 'ukendt';
    danish['name.nickname'] = 'x';
    const broken = new Map(files);
    broken.set('da.json', Buffer.from(JSON.stringify(danish)));
    const errors = (await validatePackage(broken)).join('\n');
    expect(errors).toMatch(/da\.json.*must NOT have additional properties.*name\.nickname/);
    expect(errors).toMatch(/da\.json \(da-dk\) has no bots\[0\]\.commandLists\[0\]\.commands\[3\]\.title/);
    expect(errors).toMatch(/commandLists\[2\]\.commands\[0\]\.title names a command the manifest does not have/);
  });

  it('has the commands in English and Danish, with descriptions', () => {
    const { manifest, files } = filled();
    const bot = (manifest.bots as BotShape[])[0] as BotShape;
    const danish = JSON.parse(Buffer.from(files.get('da.json') as Uint8Array).toString('utf8')) as Record<string, string>;
    const lists = bot.commandLists.map((l) => ({ scopes: l.scopes, titles: l.commands.map((c) => c.title) }));
    expect(lists).toEqual([
      { scopes: ['personal'], titles: ['new case', 'early warning', 'my cases', 'help', 'statistics'] },
      { scopes: ['team'], titles: ['setup'] },
    ]);
    const da = (i: number, j: number, field: string) => danish[`bots[0].commandLists[${i}].commands[${j}].${field}`];
    expect([0, 1, 2, 3, 4].map((j) => da(0, j, 'title'))).toEqual(['ny sag', 'varsel', 'mine sager', 'hjælp', 'statistik']);
    expect(da(1, 0, 'title')).toBe('opsætning');
    bot.commandLists.forEach((list, i) => {
      list.commands.forEach((command, j) => {
        expect(command.description?.length).toBeGreaterThan(20);
        expect(da(i, j, 'description')?.length).toBeGreaterThan(20);
      });
    });
    expect(danish['name.short']).toBe('Opbakning');
    expect(danish['description.short']).toMatch(/medarbejder/);
  });
});

describe('package settings', () => {
  it('builds a clearly marked demo package from an empty environment', async () => {
    const { settings, manifest, files } = filled({});
    expect(settings.demo).toBe(true);
    expect(settings.values).toMatchObject({
      APP_ID: DEMO_GUID,
      BOT_ID: DEMO_GUID,
      AAD_APP_CLIENT_ID: DEMO_GUID,
      BOT_DOMAIN: DEMO_BOT_DOMAIN,
    });
    expect(settings.warnings[0]).toMatch(/DEMO PACKAGE.*MicrosoftAppId.*BOT_DOMAIN/);
    expect(manifest.validDomains).toEqual([DEMO_BOT_DOMAIN, 'token.botframework.com']);
    expect(await validatePackage(files)).toEqual([]);
  });

  it('derives a stable Teams app id from the bot id unless TEAMS_APP_ID is set', () => {
    const a = resolveSettings(REAL_ENV, '0.1.0').values.APP_ID;
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(resolveSettings({ ...REAL_ENV, MicrosoftAppId: BOT_ID.toUpperCase() }, '0.1.0').values.APP_ID).toBe(a);
    expect(a).not.toBe(BOT_ID);
    const own = '11111111-2222-3333-4444-555555555555';
    expect(resolveSettings({ ...REAL_ENV, TEAMS_APP_ID: own }, '0.1.0').values.APP_ID).toBe(own);
    expect(resolveSettings({ ...REAL_ENV, APP_VERSION: '' }, '0.1.0').values.APP_VERSION).toBe('0.1.0');
    expect(resolveSettings({ ...REAL_ENV, AAD_APP_URI: `api://botid-${BOT_ID}` }, '0.1.0').values.AAD_APP_URI).toBe(
      `api://botid-${BOT_ID}`,
    );
  });

  it('fails with a clear message on invalid values, all at once', () => {
    expect(settingsProblems({ MicrosoftAppId: 'my-bot', BOT_DOMAIN: 'bot.example.org' })).toEqual([
      expect.stringMatching(/^MicrosoftAppId is "my-bot"; it must be .* a GUID/),
    ]);
    const problems = settingsProblems({
      MicrosoftAppId: BOT_ID,
      BOT_DOMAIN: 'https://bot.example.org/api/messages',
      TEAMS_APP_ID: '42',
      AAD_APP_URI: `api://${BOT_ID}`,
      APP_VERSION: '1.0.0-beta',
      PRIVACY_URL: 'http://insecure.example.org',
    });
    expect(problems.map((p) => p.split(' ')[0])).toEqual(['TEAMS_APP_ID', 'BOT_DOMAIN', 'AAD_APP_URI', 'APP_VERSION', 'PRIVACY_URL']);
    expect(settingsProblems({ MicrosoftAppId: BOT_ID })).toEqual([expect.stringMatching(/^BOT_DOMAIN is missing/)]);
    expect(() => resolveSettings({ MicrosoftAppId: 'x' }, '0.1.0')).toThrow(/Cannot build the Teams app package/);
  });

  it('refuses a template placeholder that has no value', () => {
    const ph = (name: string) => `\${{${name}}}`;
    expect(fillTemplate({ a: [ph('BOT_ID')], b: `x ${ph(' BOT_ID ')} y` }, { BOT_ID: '1' })).toEqual({ a: ['1'], b: 'x 1 y' });
    expect(() => fillTemplate({ a: ph('NOPE') }, {})).toThrow(/\$\{\{NOPE\}\}/);
  });
});

describe('icons', () => {
  const color = decodePng(readFileSync(join(MANIFEST_DIR, 'color.png')));
  const outline = decodePng(readFileSync(join(MANIFEST_DIR, 'outline.png')));

  it('are 192×192 full colour and 32×32 outline PNGs', () => {
    expect([color.width, color.height, color.bitDepth, color.colorType]).toEqual([192, 192, 8, 6]);
    expect([outline.width, outline.height, outline.bitDepth, outline.colorType]).toEqual([32, 32, 8, 6]);
    // The colour icon is opaque and uses the accent colour (#1F6F8B) for its background.
    const translucent = color.data.filter((v, i) => i % 4 === 3 && v !== 255).length;
    expect(translucent).toBe(0);
    expect([...color.data.subarray(0, 4)]).toEqual([0x1f, 0x6f, 0x8b, 255]);
  });

  it('outline.png is transparent everywhere except white pixels', () => {
    let white = 0;
    const notWhite: number[] = [];
    for (let i = 0; i < outline.data.length; i += 4) {
      const [r, g, b, a] = outline.data.subarray(i, i + 4);
      if (a === 0) continue;
      if (r === 255 && g === 255 && b === 255) white++;
      else notWhite.push(i / 4);
    }
    expect(notWhite).toEqual([]);
    expect(white).toBeGreaterThan(200); // a real mark, not a speck
    expect(white).toBeLessThan(32 * 32 - 200); // and real transparency around it
    expect(iconProblems('outline.png', readFileSync(join(MANIFEST_DIR, 'outline.png')), 'outline')).toEqual([]);
  });

  it('catches a coloured pixel in an outline icon and a wrong size', () => {
    const data = new Uint8Array(outline.data);
    data.set([200, 0, 0, 255], 0);
    expect(iconProblems('x.png', encodePng({ width: 32, height: 32, data }), 'outline')).toEqual([
      expect.stringMatching(/1 visible pixels that are not white/),
    ]);
    expect(iconProblems('y.png', encodePng(outline), 'color')).toEqual([expect.stringMatching(/32×32; the color icon must be 192×192/)]);
  });

  it('are what manifest/make-icons.ts draws (the committed PNGs are up to date)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'opbakning-icons-'));
    try {
      const fresh = writeIcons(dir);
      expect(Buffer.from(decodePng(readFileSync(fresh.color)).data).equals(Buffer.from(color.data))).toBe(true);
      expect(Buffer.from(decodePng(readFileSync(fresh.outline)).data).equals(Buffer.from(outline.data))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('PNG encoder and decoder agree, and a damaged chunk is caught by its CRC', () => {
    const data = new Uint8Array(5 * 3 * 4).map((_v, i) => (i * 37) % 256);
    const png = encodePng({ width: 5, height: 3, data });
    expect(Buffer.from(decodePng(png).data).equals(Buffer.from(data))).toBe(true);
    const damaged = Buffer.from(png);
    damaged[29] = (damaged[29] as number) ^ 1; // IHDR's stored CRC: only the CRC check can notice
    expect(() => decodePng(damaged)).toThrow(/not a valid PNG/);
    // The same bytes read without the CRC check decode: it is the CRC that catches the damage.
    expect(PNG.sync.read(damaged, { checkCRC: false }).width).toBe(5);
    const garbled = Buffer.from(png);
    garbled[20] = (garbled[20] as number) ^ 1; // inside IHDR's data
    expect(() => decodePng(garbled)).toThrow(/not a valid PNG/);
  });
});

describe('app package zip', () => {
  it('builds a zip with the four files, the filled manifest and the localization', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'opbakning-package-'));
    try {
      const outFile = join(dir, 'appPackage', 'opbakning.zip');
      const built = await buildAppPackage({ root: ROOT, env: REAL_ENV, outFile });
      expect(built.outFile).toBe(outFile);
      const entries = readZip(readFileSync(outFile));
      expect(entries.map((e) => e.name)).toEqual([...PACKAGE_FILES]);
      const text = (name: string) => Buffer.from(entries.find((e) => e.name === name)?.data ?? []).toString('utf8');
      expect(JSON.parse(text('manifest.json'))).toEqual(filled().manifest);
      expect(JSON.parse(text('manifest.json'))).toEqual(built.manifest);
      expect(JSON.parse(text('da.json'))).toEqual(JSON.parse(readFileSync(join(MANIFEST_DIR, 'da.json'), 'utf8')));
      for (const icon of ['color.png', 'outline.png'])
        expect(Buffer.from(entries.find((e) => e.name === icon)?.data ?? []).equals(readFileSync(join(MANIFEST_DIR, icon)))).toBe(true);
      // What Teams receives validates as a whole, read back from the archive.
      expect(await validatePackage(new Map(entries.map((e) => [e.name, e.data])))).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses to write an invalid package', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'opbakning-package-'));
    try {
      await expect(buildAppPackage({ root: ROOT, env: { MicrosoftAppId: 'nope' }, outFile: join(dir, 'x.zip') })).rejects.toThrow(
        /MicrosoftAppId is "nope"/,
      );
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the ZIP writer is deterministic, checks names and its reader catches corruption', () => {
    const entries = [
      { name: 'a.txt', data: Buffer.from('hello hello hello hello hello') },
      { name: 'b.bin', data: Buffer.from([1, 2, 3]) },
    ];
    const zip = writeZip(entries);
    expect(writeZip(entries).equals(zip)).toBe(true);
    expect(readZip(zip).map((e) => [e.name, Buffer.from(e.data).toString('hex')])).toEqual(
      entries.map((e) => [e.name, e.data.toString('hex')]),
    );
    expect(() => writeZip([{ name: '../evil', data: Buffer.alloc(1) }])).toThrow(/bad ZIP entry name/);
    expect(() => writeZip([...entries, entries[0] as (typeof entries)[0]])).toThrow(/twice/);
    const damaged = Buffer.from(zip);
    damaged[30 + 'a.txt'.length + 2] = (damaged[30 + 'a.txt'.length + 2] as number) ^ 0xff;
    expect(() => readZip(damaged)).toThrow();
  });
});
