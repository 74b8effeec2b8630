/**
 * The built bot as its own process, signed in to storage as a managed identity, exactly as on App Service: no key or
 * connection string, STORAGE_ACCOUNT_URL and MANAGED_IDENTITY_CLIENT_ID, and the platform's identity endpoint
 * (IDENTITY_ENDPOINT / IDENTITY_HEADER) played by a local one. Storage is Azurite accepting only what a bearer token
 * or the key allows, over https with a certificate made for this run and trusted by the bot process alone
 * (NODE_EXTRA_CA_CERTS in its environment).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { type Azurite, startAzurite } from '../../dev/azurite';
import {
  AzuriteTokenCredential,
  type Certificate,
  type FakeManagedIdentity,
  selfSignedCertificate,
  startFakeManagedIdentity,
  trustingHttpClient,
} from '../../dev/azurite-oauth';
import { BlobJsonStore } from '../../src/storage/blob-json-store';
import { type Instance, MAIN, startInstance } from '../support/bot-process';
import { confirmedPlan } from '../support/case-steps';

const CLIENT_ID = '0f8fad5b-d9cb-469f-a165-70867728950e';

let certificate: Certificate;
let azurite: Azurite;
let identity: FakeManagedIdentity;
let bot: Instance | undefined;

beforeAll(async () => {
  if (!existsSync(MAIN)) throw new Error('dist/src/main.js is missing: `npm test` builds first; run `npm run build`');
  certificate = selfSignedCertificate();
  [azurite, identity] = await Promise.all([startAzurite({ tls: certificate }), startFakeManagedIdentity(CLIENT_ID)]);
}, 30_000);
afterAll(async () => {
  bot?.child.kill('SIGTERM');
  await Promise.all([azurite?.stop(), identity?.close()]);
  certificate?.remove();
});

/** main.js with only these settings; resolves with its exit code and what it wrote to stderr. */
function startUp(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [MAIN], { env: { PATH: process.env.PATH, LOG_LEVEL: 'silent', ...env } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.once('exit', (code) => resolve({ code, stderr }));
    setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
  });
}

describe('the bot on storage with its managed identity (Azurite, OAuth, https)', () => {
  it('walks a case to a confirmed plan, storing it with bearer tokens of its managed identity', async () => {
    bot = await startInstance({
      STORAGE_CONNECTION_STRING: '',
      STORAGE_ACCOUNT_URL: azurite.accountUrl,
      MANAGED_IDENTITY_CLIENT_ID: CLIENT_ID,
      ...identity.env,
      NODE_EXTRA_CA_CERTS: certificate.certFile,
    });
    const { caseId } = await confirmedPlan(bot.url);

    // The identity endpoint was asked for Azure Storage, for this user-assigned identity, and for nothing else.
    expect(identity.requests.length).toBeGreaterThan(0);
    expect(new Set(identity.requests.map((r) => `${r.resource} ${r.clientId}`))).toEqual(
      new Set([`https://storage.azure.com ${CLIENT_ID}`]),
    );
    // The case is really in that storage account's container.
    const store = BlobJsonStore.fromAccountUrl(azurite.accountUrl, new AzuriteTokenCredential(), 'opbakning', {
      httpClient: trustingHttpClient(certificate),
    });
    expect((await store.list('cases/')).some((key) => key.includes(caseId))).toBe(true);
  });

  it('does not start with both storage settings, or with neither, and says what to set', async () => {
    const both = await startUp({ STORAGE_CONNECTION_STRING: azurite.connectionString, STORAGE_ACCOUNT_URL: azurite.accountUrl });
    expect(both.code).toBe(78);
    expect(both.stderr).toMatch(
      /Opbakning cannot start; fix these settings:\n {2}- STORAGE_CONNECTION_STRING and STORAGE_ACCOUNT_URL are both set/,
    );
    const neither = await startUp({});
    expect(neither.code).toBe(78);
    expect(neither.stderr).toMatch(/STORAGE_CONNECTION_STRING is missing; set it .* or set STORAGE_ACCOUNT_URL=https:/);
  });
});
