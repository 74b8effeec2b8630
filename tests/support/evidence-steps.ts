import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BlobServiceClient } from '@azure/storage-blob';
import type { IncidentCase } from '../../src/domain/case';
import type { EvidenceItem } from '../../src/domain/evidence';
import { BlobJsonStore } from '../../src/storage/blob-json-store';
import { send } from './file-server';

function connection(): string {
  const c = process.env.TEST_STORAGE_CONNECTION_STRING;
  if (!c) throw new Error('run through jest: the global setup starts Azurite');
  return c;
}

/** The committed evidence blobs of a case (or of every case), as Blob Storage lists them. */
export async function evidenceBlobs(container: string, caseId?: string): Promise<string[]> {
  const client = BlobServiceClient.fromConnectionString(connection()).getContainerClient(container);
  const names: string[] = [];
  for await (const b of client.listBlobsFlat({ prefix: caseId ? `evidence/${caseId}/` : 'evidence/' })) names.push(b.name);
  return names;
}

/** The case's evidence items as stored (not as any card shows them). */
export async function storedItems(container: string, caseId: string): Promise<readonly EvidenceItem[]> {
  const store = BlobJsonStore.fromConnectionString(connection(), container);
  const c = await store.get<IncidentCase>(`cases/${caseId}.json`);
  return c?.value.evidence ?? [];
}

export interface RawServer {
  readonly url: string;
  readonly hits: string[];
  close(): Promise<void>;
}

/** Serves fixed bodies by path (an HTML page with script, an SVG with script…), counting the requests. */
export async function startRawServer(files: Readonly<Record<string, { type: string; body: string }>>): Promise<RawServer> {
  const hits: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    hits.push(path);
    const f = files[path];
    if (!f) send(res, 404);
    else send(res, 200, { 'content-type': f.type, 'content-length': String(Buffer.byteLength(f.body)) }, f.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Every element type in a card, to show that nothing is drawn from stored bytes (no Image, no Media). */
export function elementTypes(card: unknown): Set<string> {
  const types = new Set<string>();
  const visit = (n: unknown) => {
    if (Array.isArray(n)) n.forEach(visit);
    else if (n && typeof n === 'object') {
      const o = n as Record<string, unknown>;
      if (typeof o.type === 'string') types.add(o.type);
      Object.values(o).forEach(visit);
    }
  };
  visit(card);
  return types;
}
