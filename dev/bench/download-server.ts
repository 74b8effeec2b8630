/**
 * The bench's stand-in for SharePoint: a separate process on 127.0.0.1 (so its memory is not the bot's)
 * that streams `/file?seed=&size=` in 64 KB blocks and prints its port.
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const BLOCK = 64 * 1024;
const base = randomBytes(BLOCK);

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const seed = Number(url.searchParams.get('seed') ?? 1);
  const size = Number(url.searchParams.get('size') ?? 0);
  res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(size) });
  let sent = 0;
  let i = 0;
  const pump = () => {
    while (sent < size) {
      const block = Buffer.from(base);
      block.writeUInt32BE(seed >>> 0, 0);
      block.writeUInt32BE(i++, 4);
      const part = block.subarray(0, Math.min(BLOCK, size - sent));
      sent += part.byteLength;
      if (!res.write(part)) return void res.once('drain', pump);
    }
    res.end();
  };
  pump();
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${(server.address() as AddressInfo).port}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
