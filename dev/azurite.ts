import { type ChildProcess, spawn } from 'node:child_process';
import { connect, createServer } from 'node:net';

export const AZURITE_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export function azuriteConnectionString(port: number, protocol: 'http' | 'https' = 'http'): string {
  return `DefaultEndpointsProtocol=${protocol};AccountName=devstoreaccount1;AccountKey=${AZURITE_KEY};BlobEndpoint=${protocol}://127.0.0.1:${port}/devstoreaccount1;`;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function waitForPort(port: number, timeoutMs = 15_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`nothing listens on 127.0.0.1:${port} after ${timeoutMs} ms`);
}

export interface Azurite {
  readonly port: number;
  /** Shared-key access (also over https when started with TLS). */
  readonly connectionString: string;
  /** The blob endpoint for token (Entra ID) access: https://127.0.0.1:<port>/devstoreaccount1 with TLS. */
  readonly accountUrl: string;
  readonly process: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Azurite's blob service on loopback, without telemetry, in memory unless a folder is given.
 * --skipApiVersionCheck: the storage SDK speaks a newer API version than Azurite 3.35 knows.
 * With `tls` it serves https only and also accepts OAuth bearer tokens (`--oauth basic`, which Azurite allows only over
 * https); shared-key requests keep working, so both ways of signing in can be compared on one server.
 */
export async function startAzurite(
  options: { port?: number; location?: string; output?: 'ignore' | 'inherit'; tls?: { certFile: string; keyFile: string } } = {},
): Promise<Azurite> {
  const port = options.port ?? (await freePort());
  const bin = require.resolve('azurite/dist/src/blob/main.js');
  const storage = options.location ? ['--location', options.location] : ['--inMemoryPersistence'];
  const child = spawn(
    process.execPath,
    [
      bin,
      '--blobHost',
      '127.0.0.1',
      '--blobPort',
      String(port),
      ...storage,
      '--skipApiVersionCheck',
      '--disableTelemetry',
      ...(options.output === 'inherit' ? [] : ['--silent']),
      '--loose',
      ...(options.tls ? ['--oauth', 'basic', '--cert', options.tls.certFile, '--key', options.tls.keyFile] : []),
    ],
    { stdio: ['ignore', options.output ?? 'ignore', options.output ?? 'ignore'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await Promise.race([waitForPort(port), exited.then(() => Promise.reject(new Error('Azurite exited while starting')))]);
  return {
    port,
    process: child,
    connectionString: azuriteConnectionString(port, options.tls ? 'https' : 'http'),
    accountUrl: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}/devstoreaccount1`,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
