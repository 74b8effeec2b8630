import { ConfigError, loadConfig } from '../src/config';
import { FileDirectory, parseMunicipalityContacts } from '../src/directory/file-directory';
import { loadPolicy } from '../src/policy/load-policy';

const STORAGE = 'UseDevelopmentStorage=true';

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return [...e.problems];
    throw e;
  }
  return [];
}

describe('configuration', () => {
  it('has safe defaults for local mode', () => {
    const c = loadConfig({ STORAGE_CONNECTION_STRING: STORAGE });
    expect(c).toMatchObject({
      port: 3978,
      host: '127.0.0.1',
      localMode: true,
      graphEndpoint: 'https://graph.microsoft.com',
      graphAuth: 'sso',
    });
  });

  it('reports every mistake at once, each saying how to fix it', () => {
    const found = problems({ PORT: 'abc', GRAPH_AUTH: 'magic', LOG_LEVEL: 'loud' });
    expect(found).toHaveLength(4);
    expect(found.join('\n')).toMatch(/PORT is "abc"/);
    expect(found.join('\n')).toMatch(/STORAGE_CONNECTION_STRING is missing; set it/);
    expect(found.join('\n')).toMatch(/GRAPH_AUTH is "magic"/);
    expect(found.join('\n')).toMatch(/LOG_LEVEL/);
  });

  it('refuses to listen beyond loopback without an app id (requests would be unauthenticated)', () => {
    expect(problems({ STORAGE_CONNECTION_STRING: STORAGE, HOST: '0.0.0.0' })[0]).toMatch(/only listens on 127\.0\.0\.1/);
  });

  it('needs the app password and tenant that the app type requires', () => {
    expect(problems({ STORAGE_CONNECTION_STRING: STORAGE, MicrosoftAppId: 'id', MicrosoftAppType: 'SingleTenant' })).toEqual([
      expect.stringMatching(/MicrosoftAppPassword is missing/),
      expect.stringMatching(/MicrosoftAppTenantId is missing/),
    ]);
    const prod = loadConfig({ STORAGE_CONNECTION_STRING: STORAGE, MicrosoftAppId: 'id', MicrosoftAppPassword: 'pw' });
    expect(prod).toMatchObject({ host: '0.0.0.0', localMode: false, bot: { MicrosoftAppType: 'MultiTenant' } });
  });

  describe('storage: a connection string or an account URL with the managed identity, exactly one', () => {
    const URL_ = 'https://opbakningstore.blob.core.windows.net';
    const MI = '0f8fad5b-d9cb-469f-a165-70867728950e';

    it('takes STORAGE_ACCOUNT_URL alone, with the managed identity client id for it', () => {
      const c = loadConfig({ STORAGE_ACCOUNT_URL: `${URL_}/`, MANAGED_IDENTITY_CLIENT_ID: MI });
      expect(c.storage).toEqual({ accountUrl: URL_ });
      expect(c.managedIdentityClientId).toBe(MI);
      expect(loadConfig({ STORAGE_CONNECTION_STRING: STORAGE }).storage).toEqual({ connectionString: STORAGE });
      // Without a client id the composition root falls back to DefaultAzureCredential (e.g. `az login` on a laptop).
      expect(loadConfig({ STORAGE_ACCOUNT_URL: URL_ }).managedIdentityClientId).toBeUndefined();
    });

    it('refuses both at once and neither, saying which to keep', () => {
      expect(problems({ STORAGE_CONNECTION_STRING: STORAGE, STORAGE_ACCOUNT_URL: URL_ })).toEqual([
        expect.stringMatching(/STORAGE_CONNECTION_STRING and STORAGE_ACCOUNT_URL are both set; keep only one/),
      ]);
      const neither = problems({});
      expect(neither).toHaveLength(1);
      expect(neither[0]).toMatch(/STORAGE_CONNECTION_STRING is missing; set it/);
      expect(neither[0]).toMatch(/or set STORAGE_ACCOUNT_URL=https:\/\/<account>\.blob\.core\.windows\.net/);
    });

    it('wants the bare https blob endpoint: no http, no SAS token, and a GUID for the identity', () => {
      expect(problems({ STORAGE_ACCOUNT_URL: 'http://opbakningstore.blob.core.windows.net' })[0]).toMatch(/must use https/);
      expect(problems({ STORAGE_ACCOUNT_URL: `${URL_}?sv=2024-01-01&sig=abc` })[0]).toMatch(/without a SAS token/);
      expect(problems({ STORAGE_ACCOUNT_URL: 'opbakningstore' })[0]).toMatch(/use the blob endpoint/);
      expect(problems({ STORAGE_ACCOUNT_URL: URL_, MANAGED_IDENTITY_CLIENT_ID: 'my-identity' })[0]).toMatch(
        /MANAGED_IDENTITY_CLIENT_ID is "my-identity"; use the client id \(a GUID\)/,
      );
    });
  });

  describe('the bot without a client secret', () => {
    const MI = '0f8fad5b-d9cb-469f-a165-70867728950e';
    const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
    const APP = 'b2a1e3c4-0000-4000-8000-000000000001';

    it('uses the federated credential with SingleTenant, the tenant and the managed identity, and no password', () => {
      const c = loadConfig({
        STORAGE_ACCOUNT_URL: 'https://opbakningstore.blob.core.windows.net',
        MicrosoftAppId: APP,
        MicrosoftAppType: 'SingleTenant',
        MicrosoftAppTenantId: TENANT,
        MANAGED_IDENTITY_CLIENT_ID: MI,
      });
      expect(c).toMatchObject({ botCredential: 'federated', managedIdentityClientId: MI, bot: { MicrosoftAppPassword: '' } });
    });

    it('keeps the client secret possible, and says how to go without it', () => {
      const base = { STORAGE_CONNECTION_STRING: STORAGE, MicrosoftAppId: APP, MicrosoftAppTenantId: TENANT };
      expect(loadConfig({ ...base, MicrosoftAppType: 'SingleTenant', MicrosoftAppPassword: 'pw' }).botCredential).toBe('secret');
      expect(problems({ ...base, MicrosoftAppType: 'SingleTenant' })).toEqual([
        expect.stringMatching(
          /MicrosoftAppPassword is missing; set MANAGED_IDENTITY_CLIENT_ID .*federated credential.*or set MicrosoftAppPassword/,
        ),
      ]);
      expect(problems({ ...base, MicrosoftAppType: 'MultiTenant', MANAGED_IDENTITY_CLIENT_ID: MI })).toEqual([
        expect.stringMatching(/MicrosoftAppType must be SingleTenant for a federated credential/),
      ]);
    });

    it('UserAssignedMSI: botbuilder signs in as the identity itself, which then also reaches storage; a password is refused', () => {
      const msi = { STORAGE_ACCOUNT_URL: 'https://opbakningstore.blob.core.windows.net', MicrosoftAppId: MI, MicrosoftAppTenantId: TENANT };
      const c = loadConfig({ ...msi, MicrosoftAppType: 'UserAssignedMSI' });
      expect(c).toMatchObject({ botCredential: 'msi', managedIdentityClientId: MI });
      expect(problems({ ...msi, MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppPassword: 'pw' })).toEqual([
        expect.stringMatching(/UserAssignedMSI signs in with the managed identity; remove MicrosoftAppPassword/),
      ]);
    });
  });

  it('allows GRAPH_AUTH=dev and plain http only against a loopback simulator', () => {
    expect(problems({ STORAGE_CONNECTION_STRING: STORAGE, GRAPH_AUTH: 'dev', GRAPH_ENDPOINT: 'http://127.0.0.1:5000' })).toEqual([]);
    expect(problems({ STORAGE_CONNECTION_STRING: STORAGE, GRAPH_AUTH: 'dev' })[0]).toMatch(
      /only allowed when GRAPH_ENDPOINT is the local simulator/,
    );
    expect(problems({ STORAGE_CONNECTION_STRING: STORAGE, GRAPH_ENDPOINT: 'http://graph.example.com' })[0]).toMatch(/must use https/);
  });

  it('fails fast on a broken policy or departments file, naming the file', () => {
    expect(() => loadPolicy('/nonexistent/policy.json')).toThrow(/POLICY_FILE "\/nonexistent\/policy.json" could not be read/);
    expect(() => FileDirectory.load('/nonexistent/departments.json')).toThrow(/DEPARTMENTS_FILE/);
    expect(() => FileDirectory.load(`${__dirname}/../package.json`)).toThrow(/expected \{"departments": \[\.\.\.\]\}/);
  });

  it('reads the evidence limits and download hosts once, failing fast on a bad value (with how to fix it)', () => {
    const c = loadConfig({ STORAGE_CONNECTION_STRING: STORAGE });
    expect(c.evidence).toEqual({
      maxFileBytes: 25 * 1024 * 1024,
      maxCaseBytes: 250 * 1024 * 1024,
      maxFilesPerMessage: 20,
      downloadHosts: ['*.sharepoint.com', '*.botframework.com', 'smba.trafficmanager.net'],
    });
    expect(loadConfig({ STORAGE_CONNECTION_STRING: STORAGE, EVIDENCE_MAX_FILE_MB: '5' }).evidence.maxFileBytes).toBe(5 * 1024 * 1024);
    expect(problems({ STORAGE_CONNECTION_STRING: STORAGE, EVIDENCE_MAX_FILE_MB: 'lots' })).toEqual([
      expect.stringMatching(/EVIDENCE_MAX_FILE_MB is "lots"; use a whole number/),
    ]);
    expect(problems({ STORAGE_CONNECTION_STRING: STORAGE, EVIDENCE_DOWNLOAD_HOSTS: '*, 127.0.0.1' })[0]).toMatch(
      /EVIDENCE_DOWNLOAD_HOSTS has/,
    );
  });

  it('reads the municipality-wide statistics contacts, and names every problem with them', async () => {
    const contacts = [{ id: 'u1', name: 'Karen Vinther', role: 'workEnvironment' }];
    expect(parseMunicipalityContacts({ departments: [], municipalityContacts: contacts })).toEqual(contacts);
    expect(parseMunicipalityContacts({ departments: [] })).toEqual([]);
    expect(() => parseMunicipalityContacts({ municipalityContacts: {} })).toThrow(/municipalityContacts must be a list/);
    let problems: string[] = [];
    try {
      parseMunicipalityContacts({
        municipalityContacts: [{ id: 'u1', name: 'A', role: 'boss' }, { id: 'u1', name: 'B', role: 'hr' }, { name: 'C' }],
      });
    } catch (e) {
      problems = (e as { problems: string[] }).problems;
    }
    expect(problems).toEqual([
      'DEPARTMENTS_FILE: municipalityContacts[0].role must be "workEnvironment" or "hr"',
      'DEPARTMENTS_FILE: municipalityContacts[1].id "u1" is listed twice',
      'DEPARTMENTS_FILE: municipalityContacts[2] needs "id" (Entra object id), "name" and "role"',
    ]);
    const demo = FileDirectory.load(`${__dirname}/../dev/demo-departments.json`);
    expect(await demo.isMunicipalityContact('00000000-0000-0000-0000-000000000030')).toBe(true);
    expect(await demo.isMunicipalityContact('00000000-0000-0000-0000-000000000020')).toBe(false);
  });
});
