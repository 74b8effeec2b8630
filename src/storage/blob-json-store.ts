import type { TokenCredential } from '@azure/identity';
import { BlobServiceClient, type ContainerClient, type StoragePipelineOptions, StorageRetryPolicyType } from '@azure/storage-blob';
import type { JsonStore, Stored } from '../app/json-store';
import { ContainerCalls, statusOf } from './container-calls';

const PIPELINE: StoragePipelineOptions = {
  // A card action must be answered within Teams' invoke timeout, so fail fast and let the manager retry.
  retryOptions: {
    retryPolicyType: StorageRetryPolicyType.EXPONENTIAL,
    maxTries: 2,
    tryTimeoutInMs: 2500,
    retryDelayInMs: 100,
    maxRetryDelayInMs: 500,
  },
  userAgentOptions: { userAgentPrefix: 'opbakning' },
};

/**
 * JsonStore on Azure Blob Storage (Azurite locally), through the official SDK.
 * Conditional headers (If-None-Match: *, If-Match) give create-only and compare-and-swap writes.
 */
export class BlobJsonStore implements JsonStore {
  private readonly calls: ContainerCalls;

  constructor(private readonly container: ContainerClient) {
    this.calls = new ContainerCalls(container, 'storage');
  }

  /** Account key or Azurite (STORAGE_CONNECTION_STRING): every request is signed with the shared key. */
  static fromConnectionString(connectionString: string, containerName = 'opbakning'): BlobJsonStore {
    const service = BlobServiceClient.fromConnectionString(connectionString, PIPELINE);
    return new BlobJsonStore(service.getContainerClient(containerName));
  }

  /**
   * Entra ID (STORAGE_ACCOUNT_URL): every request carries a bearer token from the credential, so the account needs no
   * shared key at all. `httpClient` is for tests that trust a self-signed Azurite certificate, never for production.
   */
  static fromAccountUrl(
    accountUrl: string,
    credential: TokenCredential,
    containerName = 'opbakning',
    options: Pick<StoragePipelineOptions, 'httpClient'> = {},
  ): BlobJsonStore {
    const service = new BlobServiceClient(accountUrl, credential, { ...PIPELINE, ...options });
    return new BlobJsonStore(service.getContainerClient(containerName));
  }

  get<T>(key: string): Promise<Stored<T> | undefined> {
    return this.calls.run('read', async () => {
      try {
        const blob = this.container.getBlockBlobClient(key);
        const res = await blob.download(0);
        const body = await readAll(res.readableStreamBody);
        return { value: JSON.parse(body) as T, etag: res.etag ?? '' };
      } catch (e) {
        if (statusOf(e) === 404) return undefined;
        throw e;
      }
    });
  }

  create(key: string, value: unknown): Promise<'created' | 'exists'> {
    return this.calls.run('create', async () => {
      try {
        await this.upload(key, value, { ifNoneMatch: '*' });
        return 'created';
      } catch (e) {
        const s = statusOf(e);
        if (s === 409 || s === 412) return 'exists';
        throw e;
      }
    });
  }

  replace(key: string, value: unknown, etag: string): Promise<'saved' | 'conflict'> {
    return this.calls.run('write', async () => {
      try {
        await this.upload(key, value, { ifMatch: etag });
        return 'saved';
      } catch (e) {
        const s = statusOf(e);
        if (s === 412 || s === 404 || s === 409) return 'conflict';
        throw e;
      }
    });
  }

  list(prefix: string): Promise<string[]> {
    return this.calls.run('list', async () => {
      const keys: string[] = [];
      for await (const item of this.container.listBlobsFlat({ prefix })) keys.push(item.name);
      return keys;
    });
  }

  delete(key: string): Promise<void> {
    return this.calls.run('delete', async () => {
      await this.container.getBlockBlobClient(key).deleteIfExists();
    });
  }

  private async upload(key: string, value: unknown, conditions: { ifMatch?: string; ifNoneMatch?: string }): Promise<void> {
    const body = JSON.stringify(value);
    await this.container.getBlockBlobClient(key).upload(body, Buffer.byteLength(body), {
      conditions,
      blobHTTPHeaders: { blobContentType: 'application/json; charset=utf-8' },
    });
  }
}

async function readAll(stream: NodeJS.ReadableStream | undefined): Promise<string> {
  if (!stream) return '';
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}
