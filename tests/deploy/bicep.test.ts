/**
 * Offline checks of deploy/*.bicep. The bicep CLI is not available here (no package on npm or Debian ships its
 * binary), so this is a small structural checker of our own, not a compiler: strings, comments and brackets,
 * declarations, module paths and parameters, module outputs, symbol references, API version format, and that
 * the app settings are exactly the variables src/config.ts reads. It cannot check types or resource schemas.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const DEPLOY = join(ROOT, 'deploy');

interface Statement {
  readonly kind: string;
  readonly name: string;
  readonly line: number;
  readonly decorators: string;
  /** The statement's text (from its keyword to its end), comments blanked. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

interface ParsedBicep {
  readonly file: string;
  /** The source with comments replaced by spaces (positions preserved). */
  readonly code: string;
  /** The source with comments and string literal text replaced by spaces (interpolations kept). */
  readonly bare: string;
  /** Bracket depth at every position. */
  readonly depth: Int32Array;
  readonly statements: readonly Statement[];
}

const KEYWORDS = ['targetScope', 'param', 'var', 'resource', 'module', 'output', 'type', 'func', 'import', 'metadata'];

/** Tokenizes enough of Bicep to blank comments/strings and track (), [], {} and ${…}; throws on imbalance. */
function scan(file: string, text: string): { code: string; bare: string; depth: Int32Array } {
  const code = text.split('');
  const bare = text.split('');
  const depth = new Int32Array(text.length + 1);
  const stack: { ch: string; at: number }[] = [];
  const lineOf = (i: number) => text.slice(0, i).split('\n').length;
  const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
  let i = 0;
  let inString = false;
  const blank = (from: number, to: number, both: boolean) => {
    for (let k = from; k < to; k++)
      if (text[k] !== '\n') {
        bare[k] = ' ';
        if (both) code[k] = ' ';
      }
  };
  while (i < text.length) {
    depth[i] = stack.length;
    const ch = text[i] as string;
    if (inString) {
      if (ch === '\\') {
        blank(i, i + 2, false);
        i += 2;
      } else if (ch === "'") {
        inString = false;
        i++;
      } else if (ch === '$' && text[i + 1] === '{') {
        stack.push({ ch: '${', at: i });
        inString = false;
        i += 2;
      } else if (ch === '\n') throw new Error(`${file}:${lineOf(i)}: string not closed on its line`);
      else {
        blank(i, i + 1, false);
        i++;
      }
      continue;
    }
    if (text.startsWith('//', i)) {
      const end = text.indexOf('\n', i);
      blank(i, end < 0 ? text.length : end, true);
      i = end < 0 ? text.length : end;
    } else if (text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2);
      if (end < 0) throw new Error(`${file}:${lineOf(i)}: comment not closed`);
      blank(i, end + 2, true);
      i = end + 2;
    } else if (text.startsWith("'''", i)) {
      const end = text.indexOf("'''", i + 3);
      if (end < 0) throw new Error(`${file}:${lineOf(i)}: multi-line string not closed`);
      blank(i + 3, end, false);
      i = end + 3;
    } else if (ch === "'") {
      inString = true;
      i++;
    } else if (ch === '(' || ch === '[' || ch === '{') {
      stack.push({ ch, at: i });
      i++;
    } else if (ch === ')' || ch === ']' || ch === '}') {
      const open = stack.pop();
      if (!open) throw new Error(`${file}:${lineOf(i)}: "${ch}" closes nothing`);
      if (ch === '}' && open.ch === '${') inString = true;
      else if (pairs[ch] !== open.ch) throw new Error(`${file}:${lineOf(i)}: "${ch}" closes "${open.ch}" from line ${lineOf(open.at)}`);
      i++;
    } else i++;
  }
  depth[text.length] = stack.length;
  if (inString) throw new Error(`${file}: string not closed at the end`);
  if (stack.length) {
    const open = stack[stack.length - 1] as { ch: string; at: number };
    throw new Error(`${file}:${lineOf(open.at)}: "${open.ch}" is never closed`);
  }
  return { code: code.join(''), bare: bare.join(''), depth };
}

function parse(file: string): ParsedBicep {
  const text = readFileSync(file, 'utf8');
  const { code, bare, depth } = scan(file, text);
  const statements: Statement[] = [];
  let decorators = '';
  let offset = 0;
  const lines = code.split('\n');
  const starts: number[] = [];
  for (const line of lines) {
    starts.push(offset);
    offset += line.length + 1;
  }
  lines.forEach((line, n) => {
    const start = starts[n] as number;
    const trimmed = line.trim();
    if (!trimmed || depth[start] !== 0) return;
    if (trimmed.startsWith('@')) {
      decorators += `${trimmed}\n`;
      return;
    }
    const keyword = trimmed.split(/\s+/)[0] as string;
    if (!KEYWORDS.includes(keyword)) throw new Error(`${file}:${n + 1}: unexpected top-level text "${trimmed}"`);
    // The statement runs until the next line that starts at depth 0.
    let m = n + 1;
    while (m < lines.length && !(depth[starts[m] as number] === 0 && (lines[m] as string).trim())) m++;
    const end = m < lines.length ? (starts[m] as number) : code.length;
    const name = keyword === 'targetScope' ? 'targetScope' : ((trimmed.split(/\s+/)[1] ?? '') as string);
    statements.push({ kind: keyword, name, line: n + 1, decorators, text: code.slice(start, end), start, end });
    decorators = '';
  });
  return { file, code, bare, depth, statements };
}

const files = new Map<string, ParsedBicep>();
function bicep(relative: string): ParsedBicep {
  const file = join(DEPLOY, relative);
  let parsed = files.get(file);
  if (!parsed) {
    parsed = parse(file);
    files.set(file, parsed);
  }
  return parsed;
}

interface Param {
  readonly name: string;
  readonly type: string;
  readonly hasDefault: boolean;
  readonly secure: boolean;
  readonly allowed?: string[];
  readonly defaultText?: string;
}

function params(p: ParsedBicep): Map<string, Param> {
  const out = new Map<string, Param>();
  for (const s of p.statements.filter((st) => st.kind === 'param')) {
    const m = /^\s*param\s+(\w+)\s+(\w+)\s*(=\s*([\s\S]*))?$/.exec(s.text.trim());
    if (!m) throw new Error(`${p.file}:${s.line}: cannot read param`);
    const allowed = /@allowed\(\[([\s\S]*?)\]\)/.exec(s.decorators);
    out.set(m[1] as string, {
      name: m[1] as string,
      type: m[2] as string,
      hasDefault: Boolean(m[3]),
      secure: s.decorators.includes('@secure()'),
      ...(allowed
        ? { allowed: [...(allowed[1] as string).matchAll(/'([^']*)'|\b(true|false|\d+)\b/g)].map((x) => x[1] ?? x[2] ?? '') }
        : {}),
      ...(m[4] ? { defaultText: (m[4] as string).trim() } : {}),
    });
  }
  return out;
}

function names(p: ParsedBicep, kind: string): string[] {
  return p.statements.filter((s) => s.kind === kind).map((s) => s.name);
}

/** Keys of the object literal that starts at `open` (a "{"), one nesting level deep. */
function objectKeys(p: ParsedBicep, open: number): string[] {
  const inner = (p.depth[open] as number) + 1;
  const keys: string[] = [];
  let i = open + 1;
  while (i < p.code.length && (p.depth[i] as number) >= inner) {
    const lineEnd = p.code.indexOf('\n', i);
    const line = p.code.slice(i, lineEnd < 0 ? undefined : lineEnd);
    if (p.depth[i] === inner) {
      const m = /^\s*(\w+)\s*:/.exec(line);
      if (m) keys.push(m[1] as string);
    }
    if (lineEnd < 0) break;
    i = lineEnd + 1;
  }
  return keys;
}

interface ModuleUse {
  readonly symbol: string;
  readonly path: string;
  readonly params: string[];
  readonly statement: Statement;
}

function modules(p: ParsedBicep): ModuleUse[] {
  return p.statements
    .filter((s) => s.kind === 'module')
    .map((s) => {
      const m = /^\s*module\s+(\w+)\s+'([^']+)'\s*=\s*(if\s*\([^)]*\)\s*)?\{/.exec(s.text);
      if (!m) throw new Error(`${p.file}:${s.line}: cannot read module`);
      const paramsAt = s.text.search(/\bparams\s*:\s*\{/);
      const open = paramsAt < 0 ? -1 : s.start + s.text.indexOf('{', paramsAt);
      return { symbol: m[1] as string, path: m[2] as string, params: open < 0 ? [] : objectKeys(p, open), statement: s };
    });
}

const ALL_FILES = [
  'main.bicep',
  'modules/monitoring.bicep',
  'modules/identity.bicep',
  'modules/storage.bicep',
  'modules/keyvault.bicep',
  'modules/appservice.bicep',
  'modules/roles.bicep',
  'modules/appsettings.bicep',
  'modules/bot.bicep',
];

describe('Bicep, checked offline', () => {
  it.each(ALL_FILES)('%s: strings, comments and brackets are balanced; only known statements at top level', (f) => {
    const p = bicep(f);
    expect(p.statements.length).toBeGreaterThan(2);
  });

  it('the checker itself catches an unbalanced bracket, an unclosed string and an unknown statement', () => {
    expect(() => scan('x', "var a = {\n  b: 'c'\n")).toThrow(/never closed/);
    expect(() => scan('x', "var a = 'abc\n")).toThrow(/string not closed/);
    expect(() => scan('x', "var a = [ 'x' }\n")).toThrow(/closes "\["/);
    expect(() => scan('x', `var a = '\${b}' // '\n`)).not.toThrow();
    expect(() => scan('x', `var a = 'it\\'s \${concat('{', b)}'\n`)).not.toThrow();
  });

  it('every module path exists, and every module is given exactly the parameters it declares (all required ones)', () => {
    const seen: string[] = [];
    const visit = (relative: string) => {
      const p = bicep(relative);
      for (const use of modules(p)) {
        const target = join(dirname(join(DEPLOY, relative)), use.path);
        expect({ module: use.symbol, exists: existsSync(target) }).toEqual({ module: use.symbol, exists: true });
        const targetRelative = target.slice(DEPLOY.length + 1);
        const declared = params(bicep(targetRelative));
        const unknown = use.params.filter((k) => !declared.has(k));
        const missing = [...declared.values()].filter((d) => !d.hasDefault && !use.params.includes(d.name)).map((d) => d.name);
        expect({ module: use.symbol, unknown, missing }).toEqual({ module: use.symbol, unknown: [], missing: [] });
        seen.push(targetRelative);
        visit(targetRelative);
      }
    };
    visit('main.bicep');
    expect(seen.sort()).toEqual(ALL_FILES.filter((f) => f !== 'main.bicep').sort());
  });

  it.each(ALL_FILES)('%s: references resolve (module outputs, parent, scope, dependsOn) and every param and var is used', (f) => {
    const p = bicep(f);
    const declared = new Set(p.statements.map((s) => s.name));
    const mods = new Map(modules(p).map((m) => [m.symbol, m]));
    for (const m of p.bare.matchAll(/\b(\w+)\.outputs\.(\w+)/g)) {
      const use = mods.get(m[1] as string);
      expect({ ref: m[0], module: Boolean(use) }).toEqual({ ref: m[0], module: true });
      const target = join(dirname(join(DEPLOY, f)), (use as ModuleUse).path).slice(DEPLOY.length + 1);
      expect({ ref: m[0], outputs: names(bicep(target), 'output') }).toEqual({ ref: m[0], outputs: expect.arrayContaining([m[2]]) });
    }
    for (const m of p.bare.matchAll(/\b(?:parent|scope)\s*:\s*(\w+)/g))
      expect({ ref: m[0], declared: declared.has(m[1] as string) }).toEqual({ ref: m[0], declared: true });
    for (const m of p.bare.matchAll(/\bdependsOn\s*:\s*\[([^\]]*)\]/g))
      for (const dep of (m[1] as string).split(/\s+/).filter(Boolean))
        expect({ dep, declared: declared.has(dep) }).toEqual({ dep, declared: true });
    for (const s of p.statements.filter((st) => st.kind === 'param' || st.kind === 'var')) {
      const uses = [...p.bare.matchAll(new RegExp(`(?<![\\w.])${s.name}\\b`, 'g'))].filter(
        (u) => (u.index as number) < s.start || (u.index as number) >= s.end,
      );
      expect({ [s.kind]: s.name, used: uses.length > 0 }).toEqual({ [s.kind]: s.name, used: true });
    }
  });

  it.each(ALL_FILES)('%s: resource types carry an API version, params have known types and decorators, defaults are allowed', (f) => {
    const p = bicep(f);
    for (const s of p.statements.filter((st) => st.kind === 'resource')) {
      const m = /^\s*resource\s+\w+\s+'([^'@]+)@([^']+)'\s+(existing\s+)?=/.exec(s.text);
      expect({ resource: s.name, ok: Boolean(m) }).toEqual({ resource: s.name, ok: true });
      const [, type, version] = m as RegExpExecArray;
      expect(type).toMatch(/^(Microsoft\.\w+\/[\w/]+|\w+(\/\w+)*)$/);
      expect(version).toMatch(/^\d{4}-\d{2}-\d{2}(-preview)?$/);
    }
    for (const param of params(p).values()) {
      expect(['string', 'int', 'bool', 'object', 'array']).toContain(param.type);
      const literal = /^'([^']*)'$/.exec(param.defaultText ?? '');
      if (param.allowed && literal) expect(param.allowed).toContain(literal[1]);
    }
    for (const s of p.statements)
      for (const d of s.decorators.matchAll(/@(\w+)\(/g))
        expect(['description', 'secure', 'minLength', 'maxLength', 'minValue', 'maxValue', 'allowed', 'metadata']).toContain(d[1]);
  });
});

/** The environment variables src/config.ts reads (all through its `get('NAME')`). */
function configEnvNames(): string[] {
  const source = readFileSync(join(ROOT, 'src', 'config.ts'), 'utf8');
  return [...new Set([...source.matchAll(/\bget\('([A-Za-z_][A-Za-z0-9_]*)'\)/g)].map((m) => m[1] as string))].sort();
}

function settingKeys(varName: string): string[] {
  const p = bicep('main.bicep');
  const s = p.statements.find((st) => st.kind === 'var' && st.name === varName);
  if (!s) throw new Error(`main.bicep has no var ${varName}`);
  const body = p.bare.slice(s.start, s.end);
  return [...body.matchAll(/\b([A-Za-z_][A-Za-z0-9_]*)\s*:/g)].map((m) => m[1] as string).sort();
}

/** The delegated permissions in the main README's "Microsoft Graph: permissions" table (first column). */
function readmeGraphPermissions(): string[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.search(/^## Microsoft Graph: permissions/m)).split(/\n## /)[0] as string;
  const rows = section.split('\n').filter((l) => /^\|\s*`/.test(l));
  return rows.flatMap((row) => [...(row.split('|')[1] as string).matchAll(/`([^`]+)`/g)].map((m) => m[1] as string)).sort();
}

describe('app settings match src/config.ts', () => {
  /** Set by App Service or left to the code's default, never an app setting. */
  const PLATFORM_PROVIDED = ['HOST', 'PORT'];
  /** For App Service itself, read by no code of ours. */
  const PLATFORM_SETTINGS = ['SCM_DO_BUILD_DURING_DEPLOYMENT'];

  it('sets exactly the variables the code reads, except PORT and HOST', () => {
    const env = configEnvNames();
    expect(env).toEqual(
      expect.arrayContaining(['STORAGE_CONNECTION_STRING', 'MicrosoftAppId', 'MicrosoftAppPassword', 'GRAPH_AUTH', 'LOG_LEVEL', 'PORT']),
    );
    expect(settingKeys('codeSettings')).toEqual(env.filter((n) => !PLATFORM_PROVIDED.includes(n)).sort());
    expect(settingKeys('platformSettings')).toEqual(PLATFORM_SETTINGS);
  });

  it('keeps secrets in Key Vault references and fixes the values the code must get in Azure', () => {
    const main = bicep('main.bicep');
    const settings = main.code.slice(main.code.indexOf('var codeSettings'), main.code.indexOf('var platformSettings'));
    expect(settings).toMatch(/STORAGE_CONNECTION_STRING: keyVault\.outputs\.storageConnectionReference/);
    expect(settings).toMatch(/MicrosoftAppPassword: keyVault\.outputs\.appPasswordReference/);
    expect(settings).toMatch(/MicrosoftAppType: 'SingleTenant'/);
    expect(settings).toMatch(/GRAPH_AUTH: 'sso'/);
    expect(settings).toMatch(/empty\(policyFile\) \? \{\} : \{ POLICY_FILE: policyFile \}/);
    expect(settings).toMatch(/empty\(departmentsFile\) \? \{\} : \{ DEPARTMENTS_FILE: departmentsFile \}/);
    const kv = bicep('modules/keyvault.bicep').code;
    expect(kv).toMatch(/'@Microsoft\.KeyVault\(SecretUri=\$\{appPasswordSecret\.properties\.secretUri\}\)'/);
    expect(kv).toMatch(/'@Microsoft\.KeyVault\(SecretUri=\$\{storageConnectionSecret\.properties\.secretUri\}\)'/);
    expect(params(main).get('microsoftAppPassword')?.secure).toBe(true);
    expect(params(bicep('modules/keyvault.bicep')).get('microsoftAppPassword')?.secure).toBe(true);
    expect(params(bicep('modules/bot.bicep')).get('clientSecret')?.secure).toBe(true);
    // Application settings go on only after the identity may read the vault.
    expect(main.code).toMatch(/module settings 'modules\/appsettings\.bicep' = \{[\s\S]*?dependsOn: \[\s*roles\s*\]/);
  });
});

describe('what the deployment promises', () => {
  const text = (f: string) => bicep(f).code;

  it('App Service: Linux, Node 20 LTS, HTTPS only, managed identity, /healthz, the start command', () => {
    const app = text('modules/appservice.bicep');
    expect(params(bicep('main.bicep')).get('linuxFxVersion')?.defaultText).toBe("'NODE|20-lts'");
    expect(app).toMatch(/kind: 'linux'[\s\S]*reserved: true/);
    expect(app).toMatch(/httpsOnly: true/);
    // The user-assigned identity (identity.bicep) only: the same one the bot and the role assignments use.
    expect(app).toMatch(/type: 'UserAssigned'\s*userAssignedIdentities: \{\s*'\$\{identityId\}': \{\}\s*\}/);
    expect(app).toMatch(/keyVaultReferenceIdentity: identityId/);
    expect(app).not.toMatch(/SystemAssigned/);
    expect(text('main.bicep')).toMatch(/module app 'modules\/appservice\.bicep' = \{[\s\S]*?identityId: identity\.outputs\.id/);
    expect(app).toMatch(/healthCheckPath: '\/healthz'/);
    expect(app).toMatch(/ftpsState: 'Disabled'/);
    expect(app).toMatch(/minTlsVersion: '1\.2'/);
    expect(text('main.bicep')).toMatch(/startCommand: 'node dist\/src\/main\.js'/);
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts['start:prod']).toBe('node dist/src/main.js');
    expect(readFileSync(join(ROOT, 'src', 'http', 'server.ts'), 'utf8')).toContain("'/healthz'");
  });

  it('Azure Bot: single tenant, Teams channel, AAD v2 OAuth connection with exactly the scopes of the README', () => {
    const bot = text('modules/bot.bicep');
    expect(bot).toMatch(/Microsoft\.BotService\/botServices@/);
    expect(bot).toMatch(/msaAppType: 'SingleTenant'/);
    expect(bot).toMatch(/channelName: 'MsTeamsChannel'/);
    expect(bot).toMatch(/serviceProviderId: '30dd229c-58e3-4a48-bdfd-91ec48eb906c'/);
    expect(bot).toMatch(/key: 'tokenExchangeUrl'/);
    expect(text('main.bicep')).toMatch(/endpoint: 'https:\/\/\$\{app\.outputs\.defaultHostName\}\/api\/messages'/);
    const scopes = /^'(.*)'$/.exec(params(bicep('main.bicep')).get('graphScopes')?.defaultText ?? '')?.[1]?.split(' ');
    expect(scopes?.sort()).toEqual(readmeGraphPermissions());
    expect(scopes).toEqual(expect.arrayContaining(['Calendars.ReadWrite', 'ChannelMessage.Send', 'offline_access', 'openid', 'profile']));
    // Least privilege: no Group.* and no .All scope except basic profiles for the people picker.
    expect(scopes?.filter((x) => /^Group\.|\.All$/.test(x))).toEqual(['User.ReadBasic.All']);
    expect(text('main.bicep')).toMatch(/'api:\/\/\$\{botDomain\}\/botid-\$\{microsoftAppId\}'/);
  });

  it('Storage: StorageV2, TLS 1.2, no public blob access, shared key as a parameter, optional private endpoint, container opbakning', () => {
    const st = text('modules/storage.bicep');
    expect(st).toMatch(/kind: 'StorageV2'/);
    expect(st).toMatch(/minimumTlsVersion: 'TLS1_2'/);
    expect(st).toMatch(/allowBlobPublicAccess: false/);
    expect(st).toMatch(/allowSharedKeyAccess: allowSharedKeyAccess/);
    expect(st).toMatch(/supportsHttpsTrafficOnly: true/);
    expect(st).toMatch(/publicAccess: 'None'/);
    expect(st).toMatch(/resource blobPrivateEndpoint 'Microsoft\.Network\/privateEndpoints@[^']+' = if \(enablePrivateEndpoint\)/);
    expect(text('main.bicep')).toMatch(/containerName: 'opbakning'/);
    expect(readFileSync(join(ROOT, 'src', 'storage', 'blob-json-store.ts'), 'utf8')).toMatch(/containerName = 'opbakning'/);
  });

  it('Key Vault with RBAC, Log Analytics and Application Insights without local auth or IP collection', () => {
    expect(text('modules/keyvault.bicep')).toMatch(/enableRbacAuthorization: true/);
    const mon = text('modules/monitoring.bicep');
    expect(mon).toMatch(/features: \{[\s\S]*disableLocalAuth: true/);
    expect(mon).toMatch(/DisableLocalAuth: true/);
    expect(mon).toMatch(/DisableIpMasking: false/);
    // Key Vault Secrets User, on the vault itself, for the bot's identity.
    const kv = text('modules/keyvault.bicep');
    expect(kv).toMatch(/'4633458b-17de-408a-b874-0445c86b69e6'/);
    expect(kv).toMatch(/resource secretsUser 'Microsoft\.Authorization\/roleAssignments@[^']+' = \{[\s\S]*?scope: vault\b/);
    expect(text('main.bicep')).toMatch(/readerPrincipalId: identity\.outputs\.principalId/);
  });

  it('the example parameters name only real parameters, give every required one except secrets, and hold no secret', () => {
    const example = JSON.parse(readFileSync(join(DEPLOY, 'main.parameters.example.json'), 'utf8')) as {
      parameters: Record<string, { value: unknown }>;
    };
    const declared = params(bicep('main.bicep'));
    for (const [name, { value }] of Object.entries(example.parameters)) {
      const param = declared.get(name);
      expect({ name, declared: Boolean(param), secure: param?.secure }).toEqual({ name, declared: true, secure: false });
      if (param?.allowed && typeof value === 'string') expect(param.allowed).toContain(value);
    }
    const required = [...declared.values()].filter((d) => !d.hasDefault && !d.secure).map((d) => d.name);
    expect(Object.keys(example.parameters)).toEqual(expect.arrayContaining(required));
    expect(JSON.stringify(example)).not.toMatch(/password|secret|AccountKey/i);
  });
});

describe('no secrets by default: managed identity for storage and the bot', () => {
  const text = (f: string) => bicep(f).code;
  const main = () => bicep('main.bicep');
  const defaultOf = (name: string) => params(main()).get(name)?.defaultText;

  /** The header of the statement that holds `index` in file `f`: "resource x '…' = if (cond) {" or similar. */
  function statementAt(f: string, index: number): Statement {
    const s = bicep(f).statements.find((st) => index >= st.start && index < st.end);
    if (!s) throw new Error(`${f}: nothing at ${index}`);
    return s;
  }

  it('reads no storage key by default: listKeys() only in the secret guarded by the key-based path, which is off', () => {
    expect(defaultOf('useStorageKey')).toBe('false');
    const uses = ALL_FILES.flatMap((f) => [...bicep(f).bare.matchAll(/\blistKeys\s*\(/g)].map((m) => ({ f, at: m.index as number })));
    expect(uses.map((u) => u.f)).toEqual(['modules/keyvault.bicep']);
    for (const use of uses)
      expect(statementAt(use.f, use.at).text).toMatch(/^\s*resource storageConnectionSecret '[^']+' = if \(storeStorageKey\) \{/);
    expect(text('main.bicep')).toMatch(/storeStorageKey: useStorageKey\b/);
    // And nothing else hands out a key or a SAS.
    for (const f of ALL_FILES) expect({ f, sas: /\blist(AccountSas|ServiceSas)\s*\(/.test(bicep(f).bare) }).toEqual({ f, sas: false });
  });

  it('turns shared-key access off unless the key-based path is chosen, and the bot then gets the account URL', () => {
    expect(text('modules/storage.bicep')).toMatch(/allowSharedKeyAccess: allowSharedKeyAccess/);
    expect(text('main.bicep')).toMatch(/module storage 'modules\/storage\.bicep' = \{[\s\S]*?allowSharedKeyAccess: useStorageKey\b/);
    expect(text('modules/storage.bicep')).toMatch(/defaultToOAuthAuthentication: true/);
    const settings = main().code.slice(main().code.indexOf('var codeSettings'), main().code.indexOf('var platformSettings'));
    expect(settings).toMatch(
      /useStorageKey\s*\?\s*\{ STORAGE_CONNECTION_STRING: keyVault\.outputs\.storageConnectionReference \}\s*:\s*\{ STORAGE_ACCOUNT_URL: storage\.outputs\.blobEndpoint \}/,
    );
    expect(settings).toMatch(/MANAGED_IDENTITY_CLIENT_ID: identity\.outputs\.clientId/);
  });

  it('gives the identity Storage Blob Data Contributor on the one container and nothing broader', () => {
    const roles = bicep('modules/roles.bicep');
    const assignments = roles.statements.filter(
      (st) => st.kind === 'resource' && /Microsoft\.Authorization\/roleAssignments@/.test(st.text),
    );
    const blob = assignments.filter((a) => /roleIds\.storageBlobDataContributor/.test(a.text));
    expect(roles.code).toMatch(/storageBlobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'/);
    expect(blob).toHaveLength(1);
    expect(blob[0]?.text).toMatch(/scope: container\b/);
    expect(blob[0]?.text).toMatch(/principalId: principalId\b/);
    // "container" is the existing blob container, under the account's default blob service.
    const container = roles.statements.find((st) => st.kind === 'resource' && st.name === 'container');
    expect(container?.text).toMatch(
      /'Microsoft\.Storage\/storageAccounts\/blobServices\/containers@[^']+' existing = \{[\s\S]*parent: blobService[\s\S]*name: containerName/,
    );
    expect(text('main.bicep')).toMatch(/containerName: storage\.outputs\.containerName/);
    // No role anywhere at resource-group or subscription scope, and no Owner/Contributor-like role.
    for (const f of ALL_FILES) {
      const code = bicep(f).bare;
      expect({ f, broad: /scope:\s*(resourceGroup|subscription)\(\)/.test(code) }).toEqual({ f, broad: false });
      for (const id of [
        '8e3af657-a8ff-443c-a75c-2fe8c4bcb635',
        'b24988ac-6180-42a0-ab88-20f7382dd24c',
        '17d1049b-9a84-46fb-8f53-869881c3d3ab',
      ])
        expect({ f, id, found: bicep(f).code.includes(id) }).toEqual({ f, id, found: false });
    }
  });

  it('creates one user-assigned identity that the web app runs as and whose principal gets the roles', () => {
    expect(text('modules/identity.bicep')).toMatch(/resource identity 'Microsoft\.ManagedIdentity\/userAssignedIdentities@[^']+' = \{/);
    const m = text('main.bicep');
    expect(m).toMatch(/module identity 'modules\/identity\.bicep' = \{/);
    expect(m).toMatch(/module roles 'modules\/roles\.bicep' = \{[\s\S]*?principalId: identity\.outputs\.principalId/);
    // The bot signs in as its single-tenant app registration through this identity (federated credential): the
    // deployment tells the admin the credential's issuer, subject (the identity) and audience.
    expect(m).toMatch(
      /output botFederatedCredential object = \{[\s\S]*?subject: identity\.outputs\.principalId[\s\S]*?audience: 'api:\/\/AzureADTokenExchange'/,
    );
    expect(text('modules/bot.bicep')).toMatch(/msaAppType: 'SingleTenant'/);
  });

  it('holds no bot secret by default: the password is optional, and only a given one reaches Key Vault and the OAuth connection', () => {
    expect(defaultOf('microsoftAppPassword')).toBe("''");
    const m = main().code;
    expect(m).toMatch(/empty\(microsoftAppPassword\) \? \{\} : \{ MicrosoftAppPassword: keyVault\.outputs\.appPasswordReference \}/);
    expect(m).toMatch(/var needsKeyVault = useStorageKey \|\| !empty\(microsoftAppPassword\)/);
    expect(m).toMatch(/module keyVault 'modules\/keyvault\.bicep' = if \(needsKeyVault\) \{/);
    expect(text('modules/keyvault.bicep')).toMatch(/resource appPasswordSecret '[^']+' = if \(!empty\(microsoftAppPassword\)\) \{/);
    expect(text('modules/bot.bicep')).toMatch(/resource ssoConnection '[^']+' = if \(!empty\(clientSecret\)\) \{/);
    // The example parameters choose neither secret path.
    const example = JSON.parse(readFileSync(join(DEPLOY, 'main.parameters.example.json'), 'utf8')) as {
      parameters: Record<string, { value: unknown }>;
    };
    expect(example.parameters.useStorageKey?.value).toBe(false);
    expect(example.parameters.microsoftAppPassword).toBeUndefined();
  });
});

describe('deploy/README.md', () => {
  const readme = readFileSync(join(DEPLOY, 'README.md'), 'utf8');

  it('covers every setting the code reads', () => {
    for (const name of configEnvNames()) expect({ name, covered: readme.includes(`\`${name}\``) }).toEqual({ name, covered: true });
  });

  it('walks a tenant admin through Entra, consent, Bicep, code, package and smoke check', () => {
    for (const needle of [
      'single tenant',
      'api://<bot domain>/botid-<app id>',
      'access_as_user',
      '1fec8e78-bce4-4aaf-ab1b-5451cc387264',
      '5e3ce6c0-2b1f-4285-8d4b-75ee78787346',
      'https://token.botframework.com/.auth/web/redirect',
      'Grant admin consent',
      'Calendars.ReadWrite',
      'ChannelMessage.Send',
      'User.ReadBasic.All',
      'offline_access',
      'Group.ReadWrite.All',
      'No application permissions',
      'az deployment group create',
      'npm ci',
      'npm run build',
      'node dist/src/main.js',
      'az webapp deploy',
      'npm run package',
      '/healthz',
      'ny sag',
    ])
      expect({ needle, found: readme.includes(needle) }).toEqual({ needle, found: true });
  });
});
