/** Child processes of the benchmark, each stopped at the end (or on failure) by its own pid. */
import { type ChildProcess, fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const live = new Set<ChildProcess>();

export function track(child: ChildProcess): ChildProcess {
  live.add(child);
  child.once('exit', () => live.delete(child));
  return child;
}

export function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** SIGTERM, then SIGKILL after a grace period; resolves when the process is gone. */
export async function stopChild(child: ChildProcess, graceMs = 5_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited(child);
  clearTimeout(timer);
}

/** CPU time (user + system, ms) a process has used so far, from /proc; undefined where there is no /proc. */
export function cpuMs(pid: number | undefined): number | undefined {
  if (!pid) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces) start at field 3; utime and stime are fields 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? ticks * 10 : undefined; // CLK_TCK is 100 on Linux
  } catch {
    return undefined;
  }
}

export async function stopAll(): Promise<void> {
  await Promise.all([...live].map((c) => stopChild(c)));
}

export interface MemoryReport {
  before: NodeJS.MemoryUsage;
  afterGc?: NodeJS.MemoryUsage;
}

export interface ServerUnderTest {
  readonly port: number;
  readonly child: ChildProcess;
  /** The server's process.memoryUsage(); with gc, also after a forced garbage collection (needs exposeGc). */
  memory(gc: boolean): Promise<MemoryReport>;
  stop(): Promise<void>;
}

/** Starts dev/bench/server.ts in its own process and waits until it listens. */
export async function startServer(
  mode: 'blob' | 'memory' | 'echo',
  env: NodeJS.ProcessEnv,
  options: { exposeGc?: boolean; timeoutMs?: number } = {},
): Promise<ServerUnderTest> {
  const script = path.join(__dirname, 'server.js');
  const child = track(
    fork(script, [mode], {
      env: { ...process.env, ...env, PORT: '0' },
      execArgv: options.exposeGc ? ['--expose-gc'] : [],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    }),
  );
  let stderr = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (s: string) => {
    stderr = (stderr + s).slice(-4000);
  });
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`bench server (${mode}) did not start within ${options.timeoutMs ?? 20_000} ms`)),
      options.timeoutMs ?? 20_000,
    );
    child.on('message', (m: { type?: string; port?: number }) => {
      if (m?.type === 'ready' && typeof m.port === 'number') {
        clearTimeout(timer);
        resolve(m.port);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`bench server (${mode}) exited with ${code} while starting: ${stderr.trim()}`));
    });
  });
  return {
    port,
    child,
    memory: (gc: boolean) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no memory report within 10 s')), 10_000);
        const onMessage = (m: { type?: string } & MemoryReport) => {
          if (m?.type !== 'memory') return;
          clearTimeout(timer);
          child.off('message', onMessage);
          resolve({ before: m.before, ...(m.afterGc ? { afterGc: m.afterGc } : {}) });
        };
        child.on('message', onMessage);
        child.send({ type: 'memory', gc });
      }),
    stop: () => stopChild(child),
  };
}
