import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

const BLOCK = 64 * 1024;
const base = randomBytes(BLOCK);

/** Deterministic bytes for a seed: 64 KB blocks, each stamped with the seed and its index so no two files share a hash. */
export function* fileBytes(seed: number, size: number): Generator<Buffer> {
  for (let at = 0, i = 0; at < size; at += BLOCK, i++) {
    const block = Buffer.from(base);
    block.writeUInt32BE(seed >>> 0, 0);
    block.writeUInt32BE(i, 4);
    yield block.subarray(0, Math.min(BLOCK, size - at));
  }
}

export function sha256Of(seed: number, size: number): string {
  const hash = createHash('sha256');
  for (const b of fileBytes(seed, size)) hash.update(b);
  return hash.digest('hex');
}

/**
 * Answers without chaining on writeHead: restify (loaded by other suites in the same jest worker)
 * replaces ServerResponse.prototype.writeHead with one that returns nothing.
 */
export function send(
  res: ServerResponse,
  status: number,
  headers: Record<string, string> = {},
  body?: string | Uint8Array,
  keepOpen = false,
): void {
  res.writeHead(status, headers);
  if (keepOpen) res.write(body ?? '');
  else res.end(body);
}

export interface FileServer {
  readonly url: string;
  readonly requests: { path: string; authorization?: string; cookie?: string }[];
  close(): Promise<void>;
}

/**
 * A local download server on 127.0.0.1, standing in for SharePoint and the attachment service:
 * `/file?seed=&size=` streams a file, `&breakAt=` cuts the connection after that many bytes,
 * `&noLength=1` sends it chunked, `/redirect?to=` answers 302, `/status/N` answers N, `/slow` never ends.
 */
export async function startFileServer(): Promise<FileServer> {
  const requests: FileServer['requests'] = [];
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push({ path: url.pathname + url.search, authorization: req.headers.authorization, cookie: req.headers.cookie });
    if (url.pathname === '/redirect') {
      send(res, 302, { location: url.searchParams.get('to') ?? '/' });
      return;
    }
    if (url.pathname.startsWith('/status/')) {
      send(res, Number(url.pathname.slice(8)), { 'content-type': 'text/plain' }, 'no');
      return;
    }
    if (url.pathname === '/slow') {
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': '1000' });
      res.write(Buffer.alloc(10));
      return;
    }
    if (url.pathname !== '/file') {
      send(res, 404);
      return;
    }
    const seed = Number(url.searchParams.get('seed') ?? 1);
    const size = Number(url.searchParams.get('size') ?? 0);
    const breakAt = url.searchParams.has('breakAt') ? Number(url.searchParams.get('breakAt')) : undefined;
    const type = url.searchParams.get('type') ?? 'application/octet-stream';
    res.writeHead(
      200,
      url.searchParams.has('noLength') ? { 'content-type': type } : { 'content-type': type, 'content-length': String(size) },
    );
    const blocks = fileBytes(seed, size);
    let sent = 0;
    const pump = () => {
      for (;;) {
        const next = blocks.next();
        if (next.done) {
          res.end();
          return;
        }
        if (breakAt !== undefined && sent + next.value.byteLength > breakAt) {
          res.write(next.value.subarray(0, breakAt - sent), () => setTimeout(() => res.socket?.destroy(), 20));
          return;
        }
        sent += next.value.byteLength;
        if (!res.write(next.value)) {
          res.once('drain', pump);
          return;
        }
      }
    };
    pump();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
