import { createHash, randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { TokenCredential } from '@azure/identity';
import { BlobServiceClient, type ContainerClient } from '@azure/storage-blob';
import { OpbakningError } from '../app/errors';
import type { DownloadSource, EvidencePort, StoreFailure, StoreLimits, StoreResult } from '../app/evidence-port';
import { SNIFF_BYTES } from '../domain/sniff-type';
import { ContainerCalls, statusOf } from './container-calls';

/** The SDK's own retries (a block upload may take its time, unlike a case document's write). */
const PIPELINE = { userAgentOptions: { userAgentPrefix: 'opbakning' } };

/** The allow-list check for the URL and every redirect (src/evidence/download-allow-list.ts, with the configured hosts). */
export type DownloadGate = (url: string) => { ok: true } | { ok: false; host?: string };

export interface EvidenceBlobStoreOptions {
  readonly fetch: typeof fetch;
  readonly gate: DownloadGate;
  /** Bytes per staged block: what the store holds in memory at most, besides the socket's buffers. */
  readonly blockBytes?: number;
  /** The whole download, headers to last byte. */
  readonly timeoutMs?: number;
}

const MAX_REDIRECTS = 3;
const DEFAULT_BLOCK = 2 * 1024 * 1024;
const SHA256 = /^[0-9a-f]{64}$/;

/**
 * Evidence bytes in Blob Storage beside the case, as `evidence/{caseId}/{sha256}`.
 *
 * The download is hashed while it streams into uncommitted blocks of a staging blob; the blocks are
 * committed only when the last byte has arrived and size and limits check out, and then copied to the
 * name of their hash (create-only, so the same bytes twice are stored once). A download that breaks
 * off leaves only uncommitted blocks, which no listing or reader sees and the service discards.
 */
export class EvidenceBlobStore implements EvidencePort {
  private readonly calls: ContainerCalls;
  private readonly blockBytes: number;
  private readonly timeoutMs: number;

  constructor(
    private readonly container: ContainerClient,
    private readonly options: EvidenceBlobStoreOptions,
  ) {
    this.blockBytes = options.blockBytes ?? DEFAULT_BLOCK;
    this.timeoutMs = options.timeoutMs ?? 120_000;
    this.calls = new ContainerCalls(container, 'evidence');
  }

  static fromConnectionString(connectionString: string, options: EvidenceBlobStoreOptions, containerName = 'opbakning'): EvidenceBlobStore {
    const service = BlobServiceClient.fromConnectionString(connectionString, PIPELINE);
    return new EvidenceBlobStore(service.getContainerClient(containerName), options);
  }

  /** Entra ID (STORAGE_ACCOUNT_URL): the bot's managed identity signs every request, as for the case documents. */
  static fromAccountUrl(
    accountUrl: string,
    credential: TokenCredential,
    options: EvidenceBlobStoreOptions,
    containerName = 'opbakning',
  ): EvidenceBlobStore {
    const service = new BlobServiceClient(accountUrl, credential, PIPELINE);
    return new EvidenceBlobStore(service.getContainerClient(containerName), options);
  }

  storeFromUrl(caseId: string, source: DownloadSource, limits: StoreLimits): Promise<StoreResult> {
    return this.calls.run('store', async () => {
      const used = await this.usageOf(caseId);
      const room = limits.maxCaseBytes - used;
      if (room <= 0) return { ok: false, reason: 'caseFull', limit: limits.maxCaseBytes };
      const signal = AbortSignal.timeout(this.timeoutMs);
      const got = await this.download(source, signal);
      if (!('response' in got)) return got;
      const res = got.response;
      const declaredType = res.headers.get('content-type') ?? undefined;
      const announced = lengthOf(res.headers.get('content-length'));
      const over = overLimit(announced ?? 0, limits, room);
      if (over) {
        await res.body?.cancel().catch(() => undefined);
        return over;
      }
      if (!res.body)
        return announced === 0 || announced === undefined ? { ok: false, reason: 'empty' } : { ok: false, reason: 'interrupted' };
      return this.stream(caseId, res.body, { limits, room, announced, declaredType });
    });
  }

  storeBytes(caseId: string, bytes: Uint8Array, limits: StoreLimits, declaredType?: string): Promise<StoreResult> {
    return this.calls.run('store', async () => {
      const room = limits.maxCaseBytes - (await this.usageOf(caseId));
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          if (bytes.byteLength) controller.enqueue(bytes);
          controller.close();
        },
      });
      return this.stream(caseId, body, { limits, room, announced: bytes.byteLength, declaredType });
    });
  }

  open(caseId: string, sha256: string): Promise<Readable | undefined> {
    if (!SHA256.test(sha256)) return Promise.resolve(undefined);
    return this.calls.run('read', async () => {
      try {
        const res = await this.container.getBlockBlobClient(blobName(caseId, sha256)).download(0);
        return res.readableStreamBody as Readable | undefined;
      } catch (e) {
        if (statusOf(e) === 404) return undefined;
        throw e;
      }
    });
  }

  usage(caseId: string): Promise<number> {
    return this.calls.run('list', () => this.usageOf(caseId));
  }

  deleteCase(caseId: string): Promise<number> {
    return this.calls.run('delete', async () => {
      let n = 0;
      for await (const item of this.container.listBlobsFlat({ prefix: prefixOf(caseId) })) {
        await this.container.getBlockBlobClient(item.name).deleteIfExists({ deleteSnapshots: 'include' });
        n++;
      }
      return n;
    });
  }

  /** Follows at most three redirects by hand, each checked against the allow-list; the token goes to the first host only. */
  private async download(source: DownloadSource, signal: AbortSignal): Promise<{ response: Response } | StoreFailure> {
    let url = source.url;
    const firstHost = hostOf(url);
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      const gate = this.options.gate(url);
      if (!gate.ok) return { ok: false, reason: 'notAllowed', host: gate.host };
      const headers: Record<string, string> = {};
      if (source.authorization && hostOf(url) === firstHost) headers.authorization = source.authorization;
      let res: Response;
      try {
        res = await this.options.fetch(url, { redirect: 'manual', signal, headers, credentials: 'omit' });
      } catch {
        return { ok: false, reason: 'interrupted' };
      }
      if (res.status >= 300 && res.status < 400 && res.headers.get('location')) {
        await res.body?.cancel().catch(() => undefined);
        url = new URL(res.headers.get('location') ?? '', url).toString();
        continue;
      }
      if (!res.ok) {
        await res.body?.cancel().catch(() => undefined);
        return { ok: false, reason: 'httpStatus', status: res.status };
      }
      return { response: res };
    }
    return { ok: false, reason: 'notAllowed', host: hostOf(url) };
  }

  private async stream(
    caseId: string,
    body: ReadableStream<Uint8Array>,
    o: { limits: StoreLimits; room: number; announced?: number; declaredType?: string },
  ): Promise<StoreResult> {
    const staging = this.container.getBlockBlobClient(`${prefixOf(caseId)}incoming/${randomBytes(12).toString('hex')}`);
    const hash = createHash('sha256');
    const blockIds: string[] = [];
    // One buffer, filled and sent block after block: the file is never in memory, only one block of it.
    const block = Buffer.allocUnsafe(this.blockBytes);
    let filled = 0;
    let size = 0;
    let head = Buffer.alloc(0);
    const flush = async () => {
      if (!filled) return;
      const id = Buffer.from(String(blockIds.length).padStart(6, '0')).toString('base64');
      await staging.stageBlock(id, block.subarray(0, filled), filled);
      blockIds.push(id);
      filled = 0;
    };
    const reader = body.getReader();
    try {
      for (;;) {
        let chunk: Awaited<ReturnType<typeof reader.read>>;
        try {
          chunk = await reader.read();
        } catch {
          return { ok: false, reason: 'interrupted' };
        }
        if (chunk.done) break;
        const bytes = Buffer.from(chunk.value.buffer, chunk.value.byteOffset, chunk.value.byteLength);
        size += bytes.byteLength;
        const over = overLimit(size, o.limits, o.room);
        if (over) return over;
        if (head.byteLength < SNIFF_BYTES) head = Buffer.concat([head, bytes.subarray(0, SNIFF_BYTES - head.byteLength)]);
        hash.update(bytes);
        for (let at = 0; at < bytes.byteLength; ) {
          const n = bytes.copy(block, filled, at);
          filled += n;
          at += n;
          if (filled === block.byteLength) await flush();
        }
      }
    } finally {
      reader.cancel().catch(() => undefined);
    }
    if (size === 0) return { ok: false, reason: 'empty' };
    if (o.announced !== undefined && size !== o.announced) return { ok: false, reason: 'interrupted' };
    await flush();
    const sha256 = hash.digest('hex');
    const target = this.container.getBlockBlobClient(blobName(caseId, sha256));
    const result = { ok: true as const, sha256, size, head: new Uint8Array(head), declaredType: o.declaredType };
    if (await target.exists()) return { ...result, duplicate: true };
    await staging.commitBlockList(blockIds, { metadata: { sha256 }, blobHTTPHeaders: { blobContentType: 'application/octet-stream' } });
    try {
      const poller = await target.beginCopyFromURL(staging.url, { conditions: { ifNoneMatch: '*' } });
      await poller.pollUntilDone();
      return { ...result, duplicate: false };
    } catch (e) {
      const s = statusOf(e);
      // Another instance stored the same bytes a moment ago.
      if (s === 409 || s === 412) return { ...result, duplicate: true };
      throw e;
    } finally {
      await staging.deleteIfExists().catch(() => undefined);
    }
  }

  private async usageOf(caseId: string): Promise<number> {
    await this.calls.ensureContainer();
    let total = 0;
    for await (const item of this.container.listBlobsFlat({ prefix: prefixOf(caseId) }))
      if (!item.name.includes('/incoming/')) total += item.properties.contentLength ?? 0;
    return total;
  }
}

export function blobName(caseId: string, sha256: string): string {
  return `${prefixOf(caseId)}${sha256}`;
}

function prefixOf(caseId: string): string {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(caseId)) throw new OpbakningError('storage_unavailable', 'evidence: malformed case id');
  return `evidence/${caseId}/`;
}

function overLimit(size: number, limits: StoreLimits, room: number): StoreFailure | undefined {
  if (size > limits.maxFileBytes) return { ok: false, reason: 'fileTooLarge', limit: limits.maxFileBytes };
  if (size > room) return { ok: false, reason: 'caseFull', limit: limits.maxCaseBytes };
  return undefined;
}

function lengthOf(header: string | null): number | undefined {
  if (header === null || !/^\d+$/.test(header.trim())) return undefined;
  return Number(header);
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).host;
  } catch {
    return undefined;
  }
}
