/**
 * `npm run bench`: performance figures of Opbakning on this machine, in one run, against loopback only.
 *  1. card actions over POST /api/messages, 10 concurrent managers: Opbakning on Azurite, Opbakning in memory,
 *     and a bare botbuilder echo bot as the baseline;
 *  2. Graph round trips and wall time for search → book → post (simulator, +100 ms per Graph request);
 *  3. memory after 1,000 cases, and the time from `node dist/src/main.js` to /healthz;
 *  4. evidence: storing a 10 MB file, RSS while storing 20 MB, and the case pack for 20 images of 2 MB (dev/bench/evidence.ts,
 *     run as a child with --expose-gc so its memory figures start from a collected heap).
 * Prints a table with the targets and writes dist/bench/results.json. Stops by itself; every loop is bounded.
 * Knobs (env): BENCH_SECONDS (10), BENCH_RUNS (3), BENCH_WARMUP_SECONDS (3), BENCH_CASES (1000).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { type Azurite, freePort, startAzurite } from '../azurite';
import { cardText } from '../flow/cards';
import { GraphSimulator } from '../graph-simulator/simulator';
import { BotClient, cardOfReplies, type Person } from './client';
import { CountingProxy, GRAPH_DELAY_MS, type GraphResult, graphBench } from './graph';
import { type CaseInPlay, createCase, MIX, managers, median, type RunStats, runLoad } from './load';
import { cpuMs, type MemoryReport, type ServerUnderTest, startServer, stopAll, stopChild, track } from './processes';

const ROOT = path.resolve(__dirname, '../../..');
const BENCH_DEPARTMENTS = path.join(ROOT, 'dev/bench/departments.json');
const DEMO_DEPARTMENTS = path.join(ROOT, 'dev/demo-departments.json');
const BOT_MAIN = path.join(ROOT, 'dist/src/main.js');
const RESULTS = path.join(ROOT, 'dist/bench/results.json');

const num = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};
const SECONDS = num('BENCH_SECONDS', 10);
const RUNS = Math.round(num('BENCH_RUNS', 3));
const WARMUP = num('BENCH_WARMUP_SECONDS', 3);
const CASES = Math.round(num('BENCH_CASES', 1000));
/** One manager alone, for the service time without queueing. */
const SINGLE_SECONDS = 5;
const MANAGERS = 10;
const CASES_PER_MANAGER = 10;
const CHARACTERISTICS = ['crimeAccusation', 'falseInformation'];
const GRAPH_RUNS = 5;
const READY_RUNS = 5;
/** The whole benchmark stops, and cleans up, after this long whatever happens. */
const HARD_LIMIT_MS = 720_000;

const TARGETS = {
  azuriteP95Ms: 50,
  memoryToEchoP95: 1.5,
  graphRoundTrips: 4,
  readyMs: 3000,
  rssMb: 250,
};

/** Decimal megabytes (10^6 bytes), the stricter reading of the targets. */
const mb = (bytes: number) => bytes / 1e6;
const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

interface LoadResult {
  readonly label: string;
  readonly runs: readonly RunStats[];
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly rps: number;
  readonly errors: number;
  readonly cases: number;
  readonly meanBytes: number;
  /** CPU time per request (ms) of the bot, Azurite and the load generator, median of runs. */
  readonly cpuMsPerRequest: { bot?: number; azurite?: number; loadgen: number };
}

interface CpuPerRequest {
  bot?: number;
  azurite?: number;
  loadgen: number;
}

function summarize(label: string, runs: readonly RunStats[], cases: number, cpu: readonly CpuPerRequest[]): LoadResult {
  const med = (pick: (c: CpuPerRequest) => number | undefined) => {
    const values = cpu.map(pick).filter((v): v is number => v !== undefined);
    return values.length ? median(values) : undefined;
  };
  const bot = med((c) => c.bot);
  const azurite = med((c) => c.azurite);
  return {
    label,
    runs,
    meanBytes: median(runs.map((r) => r.meanBytes)),
    cpuMsPerRequest: {
      ...(bot !== undefined ? { bot } : {}),
      ...(azurite !== undefined ? { azurite } : {}),
      loadgen: med((c) => c.loadgen) ?? 0,
    },
    p50: median(runs.map((r) => r.p50)),
    p95: median(runs.map((r) => r.p95)),
    p99: median(runs.map((r) => r.p99)),
    rps: median(runs.map((r) => r.rps)),
    errors: runs.reduce((n, r) => n + r.errors, 0),
    cases,
  };
}

interface Target {
  readonly label: string;
  readonly mode: 'blob' | 'memory' | 'echo';
  readonly server: ServerUnderTest;
  readonly clients: BotClient[];
  readonly cases: CaseInPlay[][];
  readonly azuritePid?: number;
  readonly runs: RunStats[];
  readonly cpu: CpuPerRequest[];
}

/** Starts one server under test and gives each manager their own cases (not measured). */
async function prepare(label: string, mode: Target['mode'], env: NodeJS.ProcessEnv, azuritePid?: number): Promise<Target> {
  const server = await startServer(mode, env);
  const clients = managers(MANAGERS).map((p: Person) => new BotClient(server.port, p));
  // The echo bot keeps nothing: its managers send the same requests for a made-up case.
  let cases: CaseInPlay[][] = clients.map(() => [{ caseId: 'echocase0001', actionIds: ['policeReport', 'contactEmployee'], turn: 0 }]);
  if (mode !== 'echo')
    cases = await Promise.all(
      clients.map(async (client) => {
        const mine: CaseInPlay[] = [];
        for (let i = 0; i < CASES_PER_MANAGER; i++) mine.push(await createCase(client, 'bench-afdeling', CHARACTERISTICS));
        return mine;
      }),
    );
  return { label, mode, server, clients, cases, ...(azuritePid ? { azuritePid } : {}), runs: [], cpu: [] };
}

/** One run against one target, with the CPU time each process spent on it. */
async function measure(t: Target, seconds: number, managerCount = MANAGERS): Promise<{ run: RunStats; cpu: CpuPerRequest }> {
  const bot0 = cpuMs(t.server.child.pid);
  const azurite0 = cpuMs(t.azuritePid);
  const self0 = process.cpuUsage();
  const run = await runLoad(t.clients.slice(0, managerCount), t.cases.slice(0, managerCount), seconds, t.mode === 'echo');
  const self = process.cpuUsage(self0);
  const bot1 = cpuMs(t.server.child.pid);
  const azurite1 = cpuMs(t.azuritePid);
  const per = (a?: number, b?: number) => (a !== undefined && b !== undefined && run.requests ? (b - a) / run.requests : undefined);
  const bot = per(bot0, bot1);
  const azurite = per(azurite0, azurite1);
  return {
    run,
    cpu: {
      ...(bot !== undefined ? { bot } : {}),
      ...(azurite !== undefined ? { azurite } : {}),
      loadgen: (self.user + self.system) / 1000 / Math.max(1, run.requests),
    },
  };
}

/**
 * Card-action load: the three servers run side by side and their runs are interleaved (echo, memory, Azurite,
 * echo, …), so a change in the machine's background load hits all three alike. Then one manager alone against
 * each, for the latency without queueing.
 */
async function cardActions(azurite: Azurite): Promise<{ results: LoadResult[]; single: LoadResult[] }> {
  const targets: Target[] = [];
  try {
    targets.push(await prepare('echo bot', 'echo', {}));
    targets.push(
      await prepare('Opbakning, in-memory storage', 'memory', {
        STORAGE_CONNECTION_STRING: azurite.connectionString,
        DEPARTMENTS_FILE: BENCH_DEPARTMENTS,
      }),
    );
    targets.push(
      await prepare(
        'Opbakning, Azurite',
        'blob',
        {
          STORAGE_CONNECTION_STRING: azurite.connectionString,
          BENCH_CONTAINER: `bench-load-${Date.now()}`,
          DEPARTMENTS_FILE: BENCH_DEPARTMENTS,
        },
        azurite.process.pid,
      ),
    );
    for (const t of targets) {
      log(`${t.label}: warm-up ${WARMUP} s`);
      await runLoad(t.clients, t.cases, WARMUP, t.mode === 'echo');
    }
    for (let i = 0; i < RUNS; i++)
      for (const t of targets) {
        const { run, cpu } = await measure(t, SECONDS);
        t.runs.push(run);
        t.cpu.push(cpu);
        log(
          `${t.label}: run ${i + 1}/${RUNS}: ${run.requests} requests, p95 ${run.p95.toFixed(1)} ms, ${run.rps.toFixed(0)} req/s, ${run.errors} errors`,
        );
      }
    const single: LoadResult[] = [];
    for (const t of targets) {
      const { run, cpu } = await measure(t, SINGLE_SECONDS, 1);
      single.push(summarize(`${{ echo: 'echo bot', memory: 'in-memory', blob: 'Azurite' }[t.mode]}, 1 manager`, [run], 1, [cpu]));
    }
    return { results: targets.map((t) => summarize(t.label, t.runs, t.cases.flat().length, t.cpu)), single };
  } finally {
    for (const t of targets) for (const c of t.clients) c.close();
    await Promise.all(targets.map((t) => t.server.stop()));
  }
}

async function graphFigures(azurite: Azurite): Promise<GraphResult> {
  const sim = GraphSimulator.fromDemo();
  const { port: simPort } = await sim.start(0);
  const proxy = new CountingProxy(simPort);
  const graphUrl = await proxy.start();
  const server = await startServer('blob', {
    STORAGE_CONNECTION_STRING: azurite.connectionString,
    BENCH_CONTAINER: `bench-graph-${Date.now()}`,
    DEPARTMENTS_FILE: DEMO_DEPARTMENTS,
    GRAPH_ENDPOINT: graphUrl,
    GRAPH_AUTH: 'dev',
  });
  const mette = new BotClient(server.port, { id: '29:mette', aadObjectId: '00000000-0000-0000-0000-000000000020', name: 'Mette Holm' });
  try {
    return await graphBench(mette, sim, proxy, GRAPH_RUNS);
  } finally {
    mette.close();
    await server.stop();
    await proxy.stop();
    await sim.stop();
  }
}

interface MemoryResult {
  readonly cases: number;
  readonly createSeconds: number;
  readonly listMs: number;
  readonly listed: boolean;
  /** Right after start, after creating the cases, and after listing them (the figure that counts, then with a forced GC). */
  readonly atStart: NodeJS.MemoryUsage;
  readonly afterCreate: NodeJS.MemoryUsage;
  readonly report: MemoryReport;
}

/** 1,000 cases through HTTP (new case → intake → plan), one manager, 10 at a time; then "mine sager" once. */
async function memoryFigures(azurite: Azurite): Promise<MemoryResult> {
  const server = await startServer(
    'blob',
    {
      STORAGE_CONNECTION_STRING: azurite.connectionString,
      BENCH_CONTAINER: `bench-memory-${Date.now()}`,
      DEPARTMENTS_FILE: BENCH_DEPARTMENTS,
    },
    { exposeGc: true },
  );
  const owner = managers(1)[0] as Person;
  const clients = Array.from({ length: 10 }, () => new BotClient(server.port, owner));
  try {
    const atStart = (await server.memory(false)).before;
    const started = Date.now();
    let next = 0;
    await Promise.all(
      clients.map(async (client) => {
        while (next < CASES && Date.now() - started < 120_000) {
          next += 1;
          await createCase(client, 'bench-afdeling', CHARACTERISTICS);
        }
      }),
    );
    const createSeconds = (Date.now() - started) / 1000;
    const created = Math.min(next, CASES);
    const afterCreate = (await server.memory(false)).before;
    const list = await (clients[0] as BotClient).say('mine sager');
    const card = cardOfReplies(list);
    return {
      cases: created,
      createSeconds,
      listMs: list.ms,
      listed: !!card && cardText(card).length > 0,
      atStart,
      afterCreate,
      report: await server.memory(true),
    };
  } finally {
    for (const c of clients) c.close();
    await server.stop();
  }
}

function healthy(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const req = get({ host: '127.0.0.1', port, path: '/healthz', agent: false, timeout: 500 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
  });
}

/** Time from spawning `node dist/src/main.js` until /healthz answers 200. */
async function readyOnce(azurite: Azurite): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = track(
    spawn(process.execPath, [BOT_MAIN], {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        STORAGE_CONNECTION_STRING: azurite.connectionString,
        DEPARTMENTS_FILE: BENCH_DEPARTMENTS,
        MicrosoftAppId: '',
        MicrosoftAppPassword: '',
        LOG_LEVEL: 'warn',
      },
      stdio: 'ignore',
    }),
  );
  try {
    for (let i = 0; i < 3000; i++) {
      if (child.exitCode !== null) throw new Error(`dist/src/main.js exited with ${child.exitCode} before it was ready`);
      if (await healthy(port)) return performance.now() - started;
      if (performance.now() - started > 15_000) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    throw new Error('dist/src/main.js did not answer /healthz within 15 s');
  } finally {
    await stopChild(child);
  }
}

const cpuText = (r: LoadResult) => {
  const c = r.cpuMsPerRequest;
  if (c.bot === undefined) return 'n/a';
  return `${f(c.bot, 2)}${c.azurite !== undefined ? ` + ${f(c.azurite, 2)}` : ''} (load generator ${f(c.loadgen, 2)})`;
};
const f = (v: number, digits = 1) => (Number.isFinite(v) ? v.toFixed(digits) : 'n/a');
const pad = (s: string, n: number) => s.padEnd(n);
const lpad = (s: string, n: number) => s.padStart(n);

/** The evidence bench in its own process (its own heap and RSS), with its table and figures. */
async function evidenceFigures(dataDir: string): Promise<{ text: string; figures: unknown }> {
  const json = path.join(dataDir, 'evidence.json');
  const child = spawn(process.execPath, ['--expose-gc', path.join(ROOT, 'dist/dev/bench/evidence.js'), `--json=${json}`], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  track(child);
  let text = '';
  child.stdout?.on('data', (d: Buffer) => {
    text += d.toString();
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0 && code !== 1) return { text: `Evidence bench failed (exit ${code}).`, figures: undefined };
  return { text, figures: JSON.parse(readFileSync(json, 'utf8')) };
}

async function main(): Promise<void> {
  const hard = setTimeout(() => {
    log(`hard limit of ${HARD_LIMIT_MS / 1000} s reached; stopping`);
    void stopAll().finally(() => process.exit(2));
  }, HARD_LIMIT_MS);
  hard.unref();
  const began = Date.now();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'opbakning-bench-'));
  let azurite: Azurite | undefined;
  const cleanup = async () => {
    await stopAll();
    await azurite?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      void cleanup().finally(() => process.exit(130));
    });

  try {
    // On disk, like the local stack: the bot's durable store is Azure Blob Storage, Azurite here.
    azurite = await startAzurite({ port: await freePort(), location: dataDir });
    track(azurite.process);
    log(`Azurite on 127.0.0.1:${azurite.port} (data in ${dataDir})`);

    log('time to ready (5 runs)');
    const readyRuns: number[] = [];
    for (let i = 0; i < READY_RUNS; i++) readyRuns.push(await readyOnce(azurite));
    const readyMs = median(readyRuns);

    const load0 = os.loadavg();
    const { results, single } = await cardActions(azurite);
    const [echo, memory, blob] = results as [LoadResult, LoadResult, LoadResult];
    const load1 = os.loadavg();

    log(`Graph: search → book → post, ${GRAPH_RUNS} runs, +${GRAPH_DELAY_MS} ms per Graph request`);
    const graph = await graphFigures(azurite);

    log(`memory: ${CASES} cases, then "mine sager"`);
    const mem = await memoryFigures(azurite);

    log('evidence: store 10 MB, RSS storing 20 MB, case pack of 20 × 2 MB images');
    const evidence = await evidenceFigures(dataDir);

    const ratio = (r: LoadResult) => r.p95 / echo.p95;
    const rss = mb(mem.report.before.rss);
    const targets = [
      {
        name: `card action p95 on Azurite, ${MANAGERS} concurrent managers`,
        target: `< ${TARGETS.azuriteP95Ms} ms`,
        value: `${f(blob.p95)} ms`,
        pass: blob.p95 < TARGETS.azuriteP95Ms,
      },
      {
        name: 'in-memory bot p95 vs echo p95 (same run)',
        target: `≤ ${TARGETS.memoryToEchoP95}×`,
        value: `${f(ratio(memory), 2)}×`,
        pass: ratio(memory) <= TARGETS.memoryToEchoP95,
      },
      {
        name: 'Graph round trips to book + post',
        target: `≤ ${TARGETS.graphRoundTrips}`,
        value: String(graph.roundTrips),
        pass: graph.roundTrips <= TARGETS.graphRoundTrips,
      },
      {
        name: 'process start → /healthz (median of 5)',
        target: `< ${TARGETS.readyMs} ms`,
        value: `${f(readyMs, 0)} ms`,
        pass: readyMs < TARGETS.readyMs,
      },
      {
        name: `RSS after ${mem.cases} cases + "mine sager"`,
        target: `< ${TARGETS.rssMb} MB`,
        value: `${f(rss, 0)} MB (${f(mem.report.before.rss / 1048576, 0)} MiB)`,
        pass: rss < TARGETS.rssMb,
      },
    ];

    const cpu = os.cpus();
    const lines = [
      '',
      `Opbakning benchmark · ${cpu.length} × ${cpu[0]?.model.trim() ?? 'cpu'} · Node ${process.version} · ${new Date().toISOString()}`,
      `Card actions: ${MANAGERS} managers, closed loop (no think time), one keep-alive connection each; mix ${MIX};`,
      `warm-up ${WARMUP} s, then ${RUNS} × ${SECONDS} s per server, runs interleaved, median of runs. Azurite on disk, same machine.`,
      `Machine load average (1 min) before/after the card-action runs: ${f(load0[0] ?? 0, 2)} / ${f(load1[0] ?? 0, 2)} on ${cpu.length} CPUs (other processes share them).`,
      '',
      `${pad('server', 32)}${lpad('p50 ms', 8)}${lpad('p95 ms', 8)}${lpad('p99 ms', 8)}${lpad('req/s', 8)}${lpad('errors', 7)}${lpad('p95/echo', 10)}${lpad('KB/answer', 10)}  CPU ms/request: bot + Azurite`,
      ...[echo, memory, blob].map(
        (r) =>
          `${pad(r.label, 32)}${lpad(f(r.p50), 8)}${lpad(f(r.p95), 8)}${lpad(f(r.p99), 8)}${lpad(f(r.rps, 0), 8)}${lpad(String(r.errors), 7)}${lpad(`${f(ratio(r), 2)}×`, 10)}${lpad(f(r.meanBytes / 1024), 10)}  ${cpuText(r)}`,
      ),
      `One manager alone (${SINGLE_SECONDS} s, no queueing):`,
      ...single.map(
        (r) =>
          `  ${pad(r.label, 30)}${lpad(f(r.p50), 8)}${lpad(f(r.p95), 8)}${lpad(f(r.p99), 8)}${lpad(f(r.rps, 0), 8)}${lpad(String(r.errors), 7)}${lpad('', 10)}${lpad('', 10)}  ${cpuText(r)}`,
      ),
      '',
      `Graph (simulator, +${GRAPH_DELAY_MS} ms per request), search → book → write → post, median of ${GRAPH_RUNS}:`,
      `  ${graph.roundTrips} round trips (${graph.runs[0]?.requests.join(', ')}), ${graph.clicks} clicks, wall ${f(graph.wallMs, 0)} ms` +
        ` (${Object.entries(graph.stepsMs)
          .map(([k, v]) => `${k} ${f(v, 0)}`)
          .join(', ')} ms)`,
      `Memory, bot on Azurite after ${mem.cases} cases (created in ${f(mem.createSeconds)} s) and "mine sager" once (${f(mem.listMs, 0)} ms):`,
      `  RSS ${f(rss, 0)} MB = 10^6 bytes (${f(mem.report.before.rss / 1048576, 0)} MiB), heapUsed ${f(mb(mem.report.before.heapUsed), 0)} MB` +
        ` (at start ${f(mb(mem.atStart.rss), 0)} / ${f(mb(mem.atStart.heapUsed), 0)} MB, after creating ${f(mb(mem.afterCreate.rss), 0)} / ${f(mb(mem.afterCreate.heapUsed), 0)} MB)` +
        (mem.report.afterGc
          ? ` (after a forced GC: RSS ${f(mb(mem.report.afterGc.rss), 0)} MB, heapUsed ${f(mb(mem.report.afterGc.heapUsed), 0)} MB)`
          : ''),
      `Ready: node dist/src/main.js → /healthz 200, median ${f(readyMs, 0)} ms (runs: ${readyRuns.map((r) => f(r, 0)).join(', ')} ms)`,
      evidence.text.trimEnd(),
      '',
      'Targets',
      ...targets.map((t) => `  ${t.pass ? 'PASS' : 'FAIL'}  ${pad(t.name, 52)}${pad(t.target, 10)}${t.value}`),
      '',
      `Total ${f((Date.now() - began) / 1000, 0)} s. Figures: ${path.relative(ROOT, RESULTS)}`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    if (!mem.listed) log('warning: "mine sager" did not answer with a card');

    mkdirSync(path.dirname(RESULTS), { recursive: true });
    writeFileSync(
      RESULTS,
      `${JSON.stringify(
        {
          at: new Date().toISOString(),
          machine: {
            cpus: cpu.length,
            model: cpu[0]?.model.trim(),
            memoryMb: Math.round(mb(os.totalmem())),
            node: process.version,
            loadAverageBefore: load0,
            loadAverageAfter: load1,
          },
          settings: {
            managers: MANAGERS,
            casesPerManager: CASES_PER_MANAGER,
            mix: MIX,
            warmupSeconds: WARMUP,
            runs: RUNS,
            seconds: SECONDS,
            azurite: 'on disk',
          },
          cardActions: {
            echo,
            memory,
            azurite: blob,
            ratios: { memoryToEchoP95: ratio(memory), azuriteToEchoP95: ratio(blob) },
            oneManager: single,
          },
          graph: { delayMsPerRequest: GRAPH_DELAY_MS, ...graph },
          memory: {
            cases: mem.cases,
            createSeconds: mem.createSeconds,
            listMs: mem.listMs,
            rssMb: rss,
            rssMiB: mem.report.before.rss / 1048576,
            heapUsedMb: mb(mem.report.before.heapUsed),
            raw: { atStart: mem.atStart, afterCreate: mem.afterCreate, afterList: mem.report.before },
            afterGc: mem.report.afterGc ? { rssMb: mb(mem.report.afterGc.rss), heapUsedMb: mb(mem.report.afterGc.heapUsed) } : undefined,
          },
          ready: { medianMs: readyMs, runsMs: readyRuns },
          evidence: evidence.figures,
          targets,
        },
        null,
        2,
      )}\n`,
    );
  } finally {
    await cleanup();
    clearTimeout(hard);
  }
}

main().catch(async (e: unknown) => {
  process.stderr.write(`[bench] failed: ${(e as Error).stack ?? String(e)}\n`);
  await stopAll();
  process.exit(1);
});
