/**
 * `npm start`: the whole product on this machine, no tenant needed.
 * Azurite (storage) → the bot on 127.0.0.1:3978 → the Microsoft 365 Agents Playground.
 * One Ctrl-C stops everything; if any part dies, the rest is stopped too.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { type Azurite, freePort, startAzurite, waitForPort } from './azurite';

const ROOT = path.resolve(__dirname, '../..');
const LOCAL = path.join(ROOT, '.local');
const BOT_PORT = 3978;
const PLAYGROUND_PORT = 56150;
const GRAPH_SIMULATOR_PORT = 5099;
const STOP_GRACE_MS = 5_000;

const children: { name: string; child: ChildProcess }[] = [];
let azurite: Azurite | undefined;
let stopping = false;

function prefixed(name: string, stream: NodeJS.ReadableStream | null): void {
  let buffer = '';
  stream?.setEncoding('utf8');
  stream?.on('data', (chunk: string) => {
    buffer += chunk;
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    for (const line of lines) if (line.trim()) process.stdout.write(`[${name}] ${line}\n`);
  });
}

function run(name: string, command: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  prefixed(name, child.stdout);
  prefixed(name, child.stderr);
  stopAllIfItDies(name, child);
  children.push({ name, child });
  return child;
}

function stopAllIfItDies(name: string, child: ChildProcess): void {
  child.once('exit', (code, signal) => {
    if (!stopping) {
      process.stderr.write(`\n[stack] ${name} stopped unexpectedly (${signal ?? `exit ${code}`}); stopping the rest.\n`);
      void stop(1);
    }
  });
}

function isRunning(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (!isRunning(child) || !child.pid) return;
  try {
    process.kill(-child.pid, signal); // the whole process group: npx-style wrappers leave grandchildren
  } catch {
    child.kill(signal);
  }
}

async function stop(code: number): Promise<void> {
  // Once only: a second Ctrl-C, or a child dying of our SIGTERM, must not restart the shutdown.
  if (stopping) return;
  stopping = true;
  if (azurite) process.stdout.write('[stack] Stopping everything...\n');
  const running = children.filter(({ child }) => isRunning(child)).reverse();
  for (const { child } of running) signalGroup(child, 'SIGTERM');
  // A child that ignores SIGTERM must not keep its port, nor us, alive.
  const force = setTimeout(() => {
    for (const { child } of running) signalGroup(child, 'SIGKILL');
    azurite?.process.kill('SIGKILL');
  }, STOP_GRACE_MS);
  await Promise.all(running.map(({ child }) => new Promise((r) => child.once('exit', r))));
  await azurite?.stop();
  clearTimeout(force);
  process.exit(code);
}

async function waitForHealth(url: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (stopping) throw new Error('stopped while waiting for the bot');
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the bot did not answer ${url} within ${timeoutMs / 1000} s`);
}

async function portIsFree(port: number): Promise<boolean> {
  try {
    await waitForPort(port, 200);
    return false;
  } catch {
    return true;
  }
}

/**
 * `npm start` runs us under `sh -c`, which passes no signals on. If npm or that shell is
 * killed we are re-parented; without this check the stack would keep running, holding its ports.
 */
function stopWhenOrphaned(): void {
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) void stop(0);
  }, 1_000).unref();
}

/**
 * The Graph simulator (dev/graph-simulator), when it is built: the bot then schedules meetings
 * and posts to the channel against it, with GRAPH_AUTH=dev instead of SSO.
 */
async function startGraphSimulator(): Promise<{ url: string; env: NodeJS.ProcessEnv } | undefined> {
  const script = path.join(ROOT, 'dist/dev/graph-simulator/main.js');
  if (!existsSync(script)) return undefined;
  const port = (await portIsFree(GRAPH_SIMULATOR_PORT)) ? GRAPH_SIMULATOR_PORT : await freePort();
  run('graph', process.execPath, [script], { GRAPH_SIMULATOR_PORT: String(port) });
  await waitForPort(port, 20_000);
  const url = `http://127.0.0.1:${port}`;
  return { url, env: { GRAPH_ENDPOINT: url, GRAPH_AUTH: 'dev' } };
}

async function main(): Promise<void> {
  // SIGHUP too: the bot and the Playground have their own process groups, so a closed terminal would not reach them.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void stop(0));
  stopWhenOrphaned();
  const botMain = path.join(ROOT, 'dist/src/main.js');
  if (!existsSync(botMain)) throw new Error('dist/src/main.js is missing: run `npm start` (it builds first) or `npm run build`.');
  if (!(await portIsFree(BOT_PORT))) throw new Error(`port ${BOT_PORT} is in use; stop whatever runs there (another bot?) and try again.`);
  mkdirSync(path.join(LOCAL, 'azurite'), { recursive: true });

  const blobPort = (await portIsFree(10000)) ? 10000 : await freePort();
  azurite = await startAzurite({ port: blobPort, location: path.join(LOCAL, 'azurite') });
  stopAllIfItDies('azurite', azurite.process);
  process.stdout.write(`[stack] Azurite blob storage on 127.0.0.1:${blobPort}, data in .local/azurite\n`);

  const graph = await startGraphSimulator();

  run('bot', process.execPath, [botMain], {
    PORT: String(BOT_PORT),
    HOST: '127.0.0.1',
    STORAGE_CONNECTION_STRING: azurite.connectionString,
    DEPARTMENTS_FILE: path.join(ROOT, 'dev/demo-departments.json'),
    MicrosoftAppId: '',
    MicrosoftAppPassword: '',
    ...graph?.env,
  });
  await waitForHealth(`http://127.0.0.1:${BOT_PORT}/healthz`, 20_000);

  const playgroundPort = (await portIsFree(PLAYGROUND_PORT)) ? PLAYGROUND_PORT : await freePort();
  const playground = require.resolve('@microsoft/m365agentsplayground/cli.js', { paths: [ROOT] });
  run(
    'playground',
    process.execPath,
    [playground, '-e', `http://127.0.0.1:${BOT_PORT}/api/messages`, '-c', 'msteams', '-p', String(playgroundPort), '--disable-telemetry'],
    {
      TEAMSAPPTESTER_BROWSER: 'none',
      // Without this the Playground still reaches for Application Insights, even with --disable-telemetry.
      APPLICATION_INSIGHTS_NO_STATSBEAT: 'true',
      M365_AGENTS_PLAYGROUND_CONFIG_PATH: path.join(ROOT, 'dev/playground.yml'),
      TEAMS_APP_TEST_TOOL_CONFIG_PATH: path.join(ROOT, 'dev/playground.yml'),
      M365_AGENTS_PLAYGROUND_LOGFILE: path.join(LOCAL, 'playground.log'),
      SEND_INSTALLATION_ACTIVITY: 'true',
    },
  );
  await waitForPort(playgroundPort, 20_000);

  process.stdout.write(
    [
      '',
      '  Opbakning is running locally.',
      `  Open http://127.0.0.1:${playgroundPort} in a browser and chat with the bot as Mette Holm (manager).`,
      `  Bot: http://127.0.0.1:${BOT_PORT}/api/messages   Storage: Azurite on 127.0.0.1:${blobPort}`,
      graph
        ? `  Graph simulator: ${graph.url} (open it to see the meetings and posts it received;\n` +
          `  ${graph.url}/_uploads lists the case packs uploaded through a file consent, which the Playground cannot show)`
        : '  Graph simulator: not built (dist/dev/graph-simulator/main.js), skipped',
      '  Note: the Playground has no host option and listens on all interfaces; use it on a trusted network only.',
      '  Press Ctrl-C to stop everything.',
      '',
    ].join('\n'),
  );
}

main().catch((e: unknown) => {
  if (!stopping) process.stderr.write(`[stack] ${(e as Error).message}\n`);
  void stop(1);
});
