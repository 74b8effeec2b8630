/**
 * The upload target of a Teams file consent, played locally: Teams would create an upload session in the manager's
 * OneDrive and hand the bot its `uploadUrl`; here `POST /_sim/uploads` does that, the bot PUTs the file to
 * `/_uploads/{id}` in fragments with Content-Range (as OneDrive wants them), and `/_uploads` shows what arrived.
 * Files go to a temporary folder, never into memory whole.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { appendFile, stat, truncate } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import os from 'node:os';
import path from 'node:path';

export interface UploadSession {
  readonly id: string;
  readonly name: string;
  /** What the bot puts in the file info card. */
  readonly uploadUrl: string;
  readonly contentUrl: string;
  readonly uniqueId: string;
  readonly fileType: string;
}

export interface Upload extends UploadSession {
  readonly size: number;
  readonly complete: boolean;
  readonly sha256?: string;
  readonly fragments: number;
  readonly at?: string;
}

const MAX_FRAGMENT = 60 * 1024 * 1024;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

export class UploadTarget {
  private readonly dir = mkdtempSync(path.join(os.tmpdir(), 'opbakning-uploads-'));
  private readonly uploads = new Map<string, Upload>();

  constructor(private readonly base: () => string) {}

  /** An upload session, as Teams' `uploadInfo` names it. */
  create(name: string): UploadSession {
    const id = randomBytes(8).toString('hex');
    const clean = path.basename(name || 'fil').slice(0, 200) || 'fil';
    const session: Upload = {
      id,
      name: clean,
      uploadUrl: `${this.base()}/_uploads/${id}`,
      contentUrl: `${this.base()}/_uploads/${id}/content`,
      uniqueId: id,
      fileType: path.extname(clean).slice(1) || 'bin',
      size: 0,
      complete: false,
      fragments: 0,
    };
    this.uploads.set(id, session);
    return session;
  }

  list(): Upload[] {
    return [...this.uploads.values()];
  }

  reset(): void {
    for (const u of this.uploads.values()) rmSync(this.file(u.id), { force: true });
    this.uploads.clear();
  }

  close(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** `/_uploads…` requests; false when the path is not ours. */
  async handle(req: IncomingMessage, res: ServerResponse, pathname: string, method: string): Promise<boolean> {
    if (pathname === '/_uploads' && method === 'GET') return reply(res, 200, this.page(), 'text/html; charset=utf-8');
    if (pathname === '/_uploads.json' && method === 'GET') return reply(res, 200, JSON.stringify(this.list()), 'application/json');
    const m = /^\/_uploads\/([0-9a-f]{16})(\/content)?$/.exec(pathname);
    if (!m) return false;
    const upload = this.uploads.get(m[1]);
    if (!upload) return reply(res, 404, JSON.stringify({ error: { code: 'itemNotFound', message: 'No such upload session.' } }));
    if (m[2] && method === 'GET') {
      if (!upload.complete) return reply(res, 404, JSON.stringify({ error: { code: 'itemNotFound', message: 'Not complete.' } }));
      res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': String(upload.size) });
      createReadStream(this.file(upload.id)).pipe(res);
      return true;
    }
    if (!m[2] && method === 'PUT') return this.put(req, res, upload);
    return reply(res, 405, JSON.stringify({ error: { code: 'methodNotAllowed', message: `${method} is not supported.` } }));
  }

  /** One fragment: `Content-Range: bytes start-end/total`, in order; 202 with the next range, 201 with the item when complete. */
  private async put(req: IncomingMessage, res: ServerResponse, upload: Upload): Promise<boolean> {
    const range = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(req.headers['content-range'] ?? '');
    const fail = (status: number, message: string) => {
      req.resume();
      return reply(res, status, JSON.stringify({ error: { code: 'invalidRange', message } }));
    };
    if (!range) return fail(400, 'Content-Range "bytes start-end/total" is required.');
    const [start, end, total] = range.slice(1).map(Number);
    if (upload.complete) return fail(409, 'The upload is complete.');
    if (start !== upload.size || end < start || end >= total || end - start + 1 > MAX_FRAGMENT)
      return fail(416, `Expected a fragment starting at ${upload.size}.`);
    let got = 0;
    for await (const chunk of req) {
      got += (chunk as Buffer).length;
      if (got > end - start + 1) break;
      await appendFile(this.file(upload.id), chunk as Buffer);
    }
    if (got !== end - start + 1) {
      await truncate(this.file(upload.id), upload.size).catch(() => undefined);
      return fail(400, `The fragment had ${got} bytes; the range says ${end - start + 1}.`);
    }
    const size = end + 1;
    const complete = size === total;
    const next: Upload = {
      ...upload,
      size,
      complete,
      fragments: upload.fragments + 1,
      ...(complete ? { sha256: await sha256(this.file(upload.id)), at: new Date().toISOString() } : {}),
    };
    this.uploads.set(upload.id, next);
    if (!complete) return reply(res, 202, JSON.stringify({ nextExpectedRanges: [`${size}-`] }), 'application/json');
    const { size: onDisk } = await stat(this.file(upload.id));
    return reply(res, 201, JSON.stringify({ id: upload.uniqueId, name: upload.name, size: onDisk, file: {} }), 'application/json');
  }

  private file(id: string): string {
    return path.join(this.dir, id);
  }

  private page(): string {
    const rows = this.list()
      .map(
        (u) =>
          `<tr><td>${esc(u.name)}</td><td>${u.size}</td><td>${u.complete ? 'complete' : 'in progress'}</td><td>${u.fragments}</td><td><code>${u.sha256 ?? ''}</code></td><td>${u.complete ? `<a href="/_uploads/${u.id}/content">download</a>` : ''}</td></tr>`,
      )
      .join('');
    return `<!doctype html><html lang="en"><meta charset="utf-8"><title>Uploads – Graph simulator</title><h1>Files the bot uploaded</h1><p>What a manager's OneDrive would have received after accepting a file consent card.</p><table border="1" cellpadding="4"><tr><th>Name</th><th>Bytes</th><th>State</th><th>Fragments</th><th>SHA-256</th><th></th></tr>${rows || '<tr><td colspan="6">Nothing yet.</td></tr>'}</table></html>`;
  }
}

function reply(res: ServerResponse, status: number, body: string, type = 'application/json'): true {
  // writeHead and end stay separate: restify, loaded in the same test process, patches writeHead.
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
  res.end(body);
  return true;
}

async function sha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
