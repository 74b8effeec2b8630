import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { freePort } from '../../dev/azurite';
import { DEMO_DEPARTMENTS } from './bot-client';

export const MAIN = path.resolve(__dirname, '../../dist/src/main.js');

export interface Instance {
  url: string;
  child: ChildProcess;
}

/** The built bot (dist/src/main.js) as its own process on a free port, over the test Azurite. */
export async function startInstance(env: Record<string, string> = {}, port?: number): Promise<Instance> {
  port ??= await freePort();
  const child = spawn(process.execPath, [MAIN], {
    env: {
      PATH: process.env.PATH,
      PORT: String(port),
      HOST: '127.0.0.1',
      STORAGE_CONNECTION_STRING: process.env.TEST_STORAGE_CONNECTION_STRING,
      DEPARTMENTS_FILE: DEMO_DEPARTMENTS,
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: 'ignore',
  });
  const until = Date.now() + 15_000;
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) break;
    } catch {
      // starting
    }
    if (Date.now() > until || child.exitCode !== null) throw new Error('bot process did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url: `http://127.0.0.1:${port}/api/messages`, child };
}
