/**
 * `npm run bench:auth`: does signing in to storage with a bearer token (STORAGE_ACCOUNT_URL, managed identity) change
 * what a card action costs, compared with shared-key signing (STORAGE_CONNECTION_STRING)?
 * Two copies of the real bot on one Azurite that serves https with `--oauth basic`, so the only difference is how each
 * request is signed: HMAC-SHA256 over the canonicalised request with the account key, or an Authorization: Bearer
 * header with a token from the managed identity endpoint (played locally, as App Service's; fetched once and cached by
 * @azure/identity). Both trust the run's self-signed certificate through NODE_EXTRA_CA_CERTS in their own environment.
 * Same load as `npm run bench` (10 managers, no think time, the same card-action mix); runs interleaved; medians.
 * Then the storage calls alone, in this process, to see the signing cost without the bot around it.
 * Knobs (env): BENCH_SECONDS (10), BENCH_RUNS (5), BENCH_WARMUP_SECONDS (3).
 */
import path from 'node:path';
import { BlobServiceClient, StorageSharedKeyCredential } from '@azure/storage-blob';
import { BlobJsonStore } from '../../src/storage/blob-json-store';
import { AZURITE_KEY, type Azurite, startAzurite } from '../azurite';
import {
  AzuriteTokenCredential,
  type Certificate,
  type FakeManagedIdentity,
  selfSignedCertificate,
  startFakeManagedIdentity,
  trustingHttpClient,
} from '../azurite-oauth';
import { BotClient } from './client';
import { type CaseInPlay, createCase, MIX, managers, median, type RunStats, runLoad } from './load';
import { cpuMs, type ServerUnderTest, startServer, stopAll } from './processes';

const num = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};
const SECONDS = num('BENCH_SECONDS', 10);
const RUNS = Math.round(num('BENCH_RUNS', 5));
const WARMUP = num('BENCH_WARMUP_SECONDS', 3);
const MANAGERS = 10;
const CASES_PER_MANAGER = 10;
const CLIENT_ID = '0f8fad5b-d9cb-469f-a165-70867728950e';

const BENCH_DEPARTMENTS = path.resolve(__dirname, '../../../dev/bench/departments.json');
const log = (line: string) => process.stderr.write(`[bench:auth] ${line}\n`);

interface Variant {
  readonly label: string;
  readonly server: ServerUnderTest;
  readonly clients: BotClient[];
  readonly cases: CaseInPlay[][];
  readonly runs: { run: RunStats; botMs: number; azuriteMs: number }[];
}

async function variant(label: string, env: NodeJS.ProcessEnv): Promise<Variant> {
  const server = await startServer('blob', { DEPARTMENTS_FILE: BENCH_DEPARTMENTS, LOG_LEVEL: 'silent', ...env });
  const clients = managers(MANAGERS).map((p) => new BotClient(server.port, p));
  const cases = await Promise.all(
    clients.map(async (client) => {
      const mine: CaseInPlay[] = [];
      for (let i = 0; i < CASES_PER_MANAGER; i++)
        mine.push(await createCase(client, 'bench-afdeling', ['crimeAccusation', 'falseInformation']));
      return mine;
    }),
  );
  return { label, server, clients, cases, runs: [] };
}

const OPS_PER_BLOCK = 100;
const BLOCKS = 6;

/**
 * The storage calls alone, in this process, one at a time: read then If-Match write of one 4 KB case, the pair a card
 * action makes. Blocks of both sign-ins alternate; the figures are medians over all pairs, and this process's CPU per pair.
 */
async function storePairs(azurite: Azurite, certificate: Certificate): Promise<string[]> {
  const httpClient = trustingHttpClient(certificate);
  const container = `bench-pairs-${Date.now()}`;
  const stores = {
    'shared key': new BlobJsonStore(
      new BlobServiceClient(azurite.accountUrl, new StorageSharedKeyCredential('devstoreaccount1', AZURITE_KEY), {
        httpClient,
      }).getContainerClient(container),
    ),
    'bearer token': new BlobJsonStore(
      new BlobServiceClient(azurite.accountUrl, new AzuriteTokenCredential(), { httpClient }).getContainerClient(container),
    ),
  };
  const value = { text: 'x'.repeat(4000) };
  const samples: Record<string, { ms: number[]; cpuMs: number[] }> = {};
  for (const [name, store] of Object.entries(stores)) {
    samples[name] = { ms: [], cpuMs: [] };
    await store.create(`pair-${name}.json`, value);
  }
  for (let block = 0; block < BLOCKS; block++)
    for (const [name, store] of block % 2 ? Object.entries(stores).reverse() : Object.entries(stores)) {
      const key = `pair-${name}.json`;
      const cpu0 = process.cpuUsage();
      for (let i = 0; i < OPS_PER_BLOCK; i++) {
        const t0 = performance.now();
        const current = await store.get<typeof value>(key);
        if ((await store.replace(key, value, current?.etag ?? '')) !== 'saved') throw new Error('pair conflicted');
        samples[name]?.ms.push(performance.now() - t0);
      }
      const cpu = process.cpuUsage(cpu0);
      samples[name]?.cpuMs.push((cpu.user + cpu.system) / 1000 / OPS_PER_BLOCK);
    }
  return [
    `Storage alone (read + If-Match write of a 4 KB case, one at a time, ${BLOCKS} alternating blocks of ${OPS_PER_BLOCK}):`,
    '| storage sign-in | median per pair | p95 per pair | client CPU per pair |',
    '|---|---|---|---|',
    ...Object.entries(samples).map(([name, s]) => {
      const sorted = [...s.ms].sort((a, b) => a - b);
      const p95 = sorted[Math.floor(sorted.length * 0.95)] ?? Number.NaN;
      return `| ${name} | ${median(s.ms).toFixed(2)} ms | ${p95.toFixed(2)} ms | ${median(s.cpuMs).toFixed(3)} ms |`;
    }),
  ];
}

async function main(): Promise<void> {
  const hard = setTimeout(() => {
    log('hard limit reached; stopping');
    void stopAll().finally(() => process.exit(2));
  }, 600_000);
  hard.unref();
  const certificate = selfSignedCertificate();
  let azurite: Azurite | undefined;
  let identity: FakeManagedIdentity | undefined;
  const variants: Variant[] = [];
  try {
    azurite = await startAzurite({ tls: certificate });
    identity = await startFakeManagedIdentity(CLIENT_ID);
    const tls = { NODE_EXTRA_CA_CERTS: certificate.certFile };
    variants.push(
      await variant('shared key (STORAGE_CONNECTION_STRING)', {
        ...tls,
        STORAGE_CONNECTION_STRING: azurite.connectionString,
        BENCH_CONTAINER: `bench-key-${Date.now()}`,
      }),
    );
    variants.push(
      await variant('bearer token (STORAGE_ACCOUNT_URL)', {
        ...tls,
        STORAGE_CONNECTION_STRING: '',
        STORAGE_ACCOUNT_URL: azurite.accountUrl,
        MANAGED_IDENTITY_CLIENT_ID: CLIENT_ID,
        ...identity.env,
      }),
    );
    for (const v of variants) {
      log(`${v.label}: warm-up ${WARMUP} s`);
      await runLoad(v.clients, v.cases, WARMUP, false);
    }
    for (let i = 0; i < RUNS; i++)
      for (const v of i % 2 ? [...variants].reverse() : variants) {
        const bot0 = cpuMs(v.server.child.pid) ?? 0;
        const az0 = cpuMs(azurite.process.pid) ?? 0;
        const run = await runLoad(v.clients, v.cases, SECONDS, false);
        const botMs = ((cpuMs(v.server.child.pid) ?? 0) - bot0) / Math.max(1, run.requests);
        const azuriteMs = ((cpuMs(azurite.process.pid) ?? 0) - az0) / Math.max(1, run.requests);
        v.runs.push({ run, botMs, azuriteMs });
        log(
          `${v.label}: run ${i + 1}/${RUNS}: p50 ${run.p50.toFixed(1)} ms, p95 ${run.p95.toFixed(1)} ms, ${run.rps.toFixed(0)} req/s, ${run.errors} errors`,
        );
      }
    const f = (x: number, d = 1) => x.toFixed(d);
    const lines = [
      `Card actions, ${MANAGERS} managers, no think time, mix ${MIX}; median of ${RUNS} interleaved ${SECONDS} s runs; Azurite https + --oauth basic`,
      '| storage sign-in | p50 | p95 | p99 | req/s | bot CPU per action | Azurite CPU per action | errors |',
      '|---|---|---|---|---|---|---|---|',
      ...variants.map((v) => {
        const m = (pick: (r: Variant['runs'][number]) => number) => median(v.runs.map(pick));
        return `| ${v.label} | ${f(m((r) => r.run.p50))} ms | ${f(m((r) => r.run.p95))} ms | ${f(m((r) => r.run.p99))} ms | ${f(
          m((r) => r.run.rps),
          0,
        )} | ${f(
          m((r) => r.botMs),
          2,
        )} ms | ${f(
          m((r) => r.azuriteMs),
          2,
        )} ms | ${v.runs.reduce((n, r) => n + r.run.errors, 0)} |`;
      }),
      `Runs (p95 ms): ${variants.map((v) => `${v.label.split(' (')[0]}: ${v.runs.map((r) => f(r.run.p95)).join(', ')}`).join('; ')}`,
      `Managed identity endpoint requests: ${identity.requests.length} (the token is cached by @azure/identity)`,
    ];
    process.stdout.write(`${lines.join('\n')}\n\n`);
    process.stdout.write(`${(await storePairs(azurite, certificate)).join('\n')}\n`);
  } finally {
    for (const v of variants) for (const c of v.clients) c.close();
    await Promise.all(variants.map((v) => v.server.stop()));
    await identity?.close();
    await azurite?.stop();
    certificate.remove();
    await stopAll();
  }
}

main().catch((e: unknown) => {
  log(`failed: ${(e as Error).stack ?? String(e)}`);
  void stopAll().finally(() => process.exit(1));
});
