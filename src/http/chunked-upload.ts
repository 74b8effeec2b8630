import { open } from 'node:fs/promises';
import type { FileUploader } from '../app/case-pack-service';

/** 32 × 320 KiB: OneDrive wants fragments in multiples of 320 KiB and under 60 MiB. */
const FRAGMENT_BYTES = 32 * 320 * 1024;
const ATTEMPTS = 3;

/**
 * Uploads a file to a OneDrive upload session (the `uploadUrl` of a Teams file consent), fragment by fragment with
 * `Content-Range`, one fragment in memory at a time. The URL is pre-authenticated: no token is sent. A fragment that
 * fails with 5xx or a broken connection is sent again (the session accepts the same range twice).
 */
export class ChunkedUploader implements FileUploader {
  constructor(
    private readonly fetchFn: typeof fetch,
    private readonly fragmentBytes = FRAGMENT_BYTES,
  ) {}

  async upload(uploadUrl: string, file: string, size: number): Promise<{ ok: true } | { ok: false; status?: number }> {
    const handle = await open(file, 'r');
    try {
      const buffer = Buffer.allocUnsafe(Math.min(this.fragmentBytes, Math.max(size, 1)));
      for (let start = 0; start < size || (size === 0 && start === 0); ) {
        const { bytesRead } = await handle.read(buffer, 0, Math.min(buffer.length, size - start), start);
        const end = start + bytesRead - 1;
        const range = size === 0 ? 'bytes */0' : `bytes ${start}-${end}/${size}`;
        const status = await this.put(uploadUrl, buffer.subarray(0, bytesRead), range);
        if (status < 200 || status >= 300) return { ok: false, ...(status ? { status } : {}) };
        if (size === 0) break;
        start = end + 1;
      }
      return { ok: true };
    } finally {
      await handle.close();
    }
  }

  private async put(url: string, body: Buffer, range: string): Promise<number> {
    let status = 0;
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      try {
        const res = await this.fetchFn(url, {
          method: 'PUT',
          headers: { 'content-range': range, 'content-length': String(body.byteLength), 'content-type': 'application/octet-stream' },
          body,
          signal: AbortSignal.timeout(60_000),
        });
        await res.arrayBuffer().catch(() => undefined);
        status = res.status;
        if (status < 500) return status;
      } catch {
        status = 0;
      }
    }
    return status;
  }
}
