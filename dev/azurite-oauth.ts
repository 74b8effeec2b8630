/**
 * What Azurite's `--oauth basic` needs, made at run time and trusted only by whoever asks for it:
 * a self-signed certificate for 127.0.0.1 (the machine's openssl), a bearer token Azurite accepts, a TokenCredential
 * that issues it, and an App Service managed identity endpoint that hands it to a bot process exactly as Azure would
 * (IDENTITY_ENDPOINT / IDENTITY_HEADER), so the bot's real ManagedIdentityCredential is what runs.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { Agent } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toCompatResponse } from '@azure/core-http-compat';
import { createDefaultHttpClient, createHttpHeaders, createPipelineRequest } from '@azure/core-rest-pipeline';
import type { AccessToken, TokenCredential } from '@azure/identity';
import type { StoragePipelineOptions } from '@azure/storage-blob';

export interface Certificate {
  readonly certFile: string;
  readonly keyFile: string;
  /** PEM text of the certificate, for a client that should trust it. */
  readonly pem: string;
  /** Deletes the key and certificate files. */
  remove(): void;
}

/** A one-day self-signed certificate for 127.0.0.1 in a fresh temporary folder. */
export function selfSignedCertificate(): Certificate {
  const dir = mkdtempSync(join(tmpdir(), 'opbakning-tls-'));
  const certFile = join(dir, 'cert.pem');
  const keyFile = join(dir, 'key.pem');
  // biome-ignore format: one openssl option and its value per line
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-sha256', '-days', '1',
    '-subj', '/CN=127.0.0.1',
    '-addext', 'subjectAltName=IP:127.0.0.1',
    '-keyout', keyFile, '-out', certFile,
  ], { stdio: 'ignore' });
  return { certFile, keyFile, pem: readFileSync(certFile, 'utf8'), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * The Azure SDK's own HTTP client, trusting this certificate and nothing else (no public CAs), for one storage client's
 * pipeline only: nothing process-wide changes (no NODE_TLS_REJECT_UNAUTHORIZED). The storage SDK takes its HTTP client
 * in the older (core-http) shape, so the request is carried over to the current pipeline and back.
 */
export function trustingHttpClient(certificate: Certificate): NonNullable<StoragePipelineOptions['httpClient']> {
  const agent = new Agent({ ca: certificate.pem, keepAlive: true });
  const inner = createDefaultHttpClient();
  return {
    sendRequest: async (resource) => {
      const request = createPipelineRequest({
        url: resource.url,
        method: resource.method,
        headers: createHttpHeaders(resource.headers.toJson({ preserveCase: true })),
        body: resource.body,
        timeout: resource.timeout,
        ...(resource.abortSignal ? { abortSignal: resource.abortSignal } : {}),
        ...(resource.streamResponseStatusCodes ? { streamResponseStatusCodes: resource.streamResponseStatusCodes } : {}),
      });
      // createPipelineRequest does not copy an agent; the property is honoured once set.
      request.agent = agent;
      // The response must point at the request the storage client made: it finds how to read the answer through it.
      const response = toCompatResponse(await inner.sendRequest(request));
      response.request = resource;
      return response;
    },
  };
}

const STORAGE_AUDIENCE = 'https://storage.azure.com';
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/**
 * A token as Entra ID would issue it for Azure Storage. Azurite's basic OAuth checks the times, the issuer
 * (https://sts.windows.net/<tenant>/) and the audience, not the signature, so it is unsigned.
 */
export function azuriteToken(options: { audience?: string; expiresInSeconds?: number; nowMs?: number } = {}): AccessToken {
  const now = Math.floor((options.nowMs ?? Date.now()) / 1000);
  const exp = now + (options.expiresInSeconds ?? 3600);
  const payload = {
    aud: options.audience ?? STORAGE_AUDIENCE,
    iss: `https://sts.windows.net/${TENANT}/`,
    iat: now - 60,
    nbf: now - 60,
    exp,
    oid: randomUUID(),
    tid: TENANT,
  };
  return { token: `${base64url({ typ: 'JWT', alg: 'none' })}.${base64url(payload)}.`, expiresOnTimestamp: exp * 1000 };
}

/** A TokenCredential that issues Azurite tokens and counts what it was asked for. */
export class AzuriteTokenCredential implements TokenCredential {
  readonly requests: string[] = [];
  constructor(private readonly options: { audience?: string } = {}) {}

  async getToken(scopes: string | string[]): Promise<AccessToken> {
    this.requests.push(...(Array.isArray(scopes) ? scopes : [scopes]));
    return azuriteToken(this.options);
  }
}

export interface FakeManagedIdentity {
  /** IDENTITY_ENDPOINT and IDENTITY_HEADER for the bot process, as App Service sets them. */
  readonly env: { IDENTITY_ENDPOINT: string; IDENTITY_HEADER: string };
  /** What was asked for: resource and client id of each request. */
  readonly requests: { resource: string; clientId: string }[];
  close(): Promise<void>;
}

/** App Service's managed identity endpoint (api-version 2019-08-01) on loopback, for one user-assigned identity. */
export async function startFakeManagedIdentity(clientId: string): Promise<FakeManagedIdentity> {
  const header = randomUUID();
  const requests: { resource: string; clientId: string }[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const resource = url.searchParams.get('resource') ?? '';
    const asked = url.searchParams.get('client_id') ?? '';
    requests.push({ resource, clientId: asked });
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.headers['x-identity-header'] !== header) return send(401, { error: 'missing or wrong X-IDENTITY-HEADER' });
    if (asked !== clientId) return send(400, { error: 'invalid_request', error_description: 'unknown identity' });
    const token = azuriteToken({ audience: resource.replace(/\/\.default$/, '') });
    return send(200, {
      access_token: token.token,
      expires_on: String(Math.floor(token.expiresOnTimestamp / 1000)),
      resource,
      token_type: 'Bearer',
      client_id: clientId,
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    env: { IDENTITY_ENDPOINT: `http://127.0.0.1:${port}/msi/token`, IDENTITY_HEADER: header },
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
