import { ConfigError, loadConfig } from '../src/config';
import { FileDirectory } from '../src/directory/file-directory';
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
});
