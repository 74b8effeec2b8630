import type { TokenCredential } from '@azure/identity';
import {
  BlobServiceClient,
  type ContainerClient,
  RestError,
  type StoragePipelineOptions,
  StorageRetryPolicyType,
} from '@azure/storage-blob';
import { OpbakningError } from '../app/errors';
import type { JsonStore, Stored } from '../app/json-store';

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
  private ready: Promise<void> | undefined;

  constructor(private readonly container: ContainerClient) {}

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

  private ensureContainer(): Promise<void> {
    this.ready ??= this.container.createIfNotExists().then(
      () => undefined,
      (e: unknown) => {
        // An identity that holds Storage Blob Data Contributor on the container alone (the Bicep default) may not be allowed
        // to create containers; the deployment created it, and the first read or write says so if it did not.
        if (statusOf(e) === 403) return;
        this.ready = undefined;
        throw e;
      },
    );
    return this.ready;
  }

  private async run<T>(what: string, op: () => Promise<T>): Promise<T> {
    try {
      await this.ensureContainer();
      return await op();
    } catch (e) {
      if (e instanceof OpbakningError) throw e;
      throw new OpbakningError('storage_unavailable', `storage ${what} failed: ${describe(e)}`, { cause: e });
    }
  }

  get<T>(key: string): Promise<Stored<T> | undefined> {
    return this.run('read', async () => {
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
    return this.run('create', async () => {
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
    return this.run('write', async () => {
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
    return this.run('list', async () => {
      const keys: string[] = [];
      for await (const item of this.container.listBlobsFlat({ prefix })) keys.push(item.name);
      return keys;
    });
  }

  delete(key: string): Promise<void> {
    return this.run('delete', async () => {
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

function statusOf(e: unknown): number | undefined {
  return e instanceof RestError ? e.statusCode : undefined;
}

/** Error text for logs: status and code only, never a request body. */
function describe(e: unknown): string {
  if (e instanceof RestError) return `${e.statusCode ?? 'no status'} ${e.code ?? ''}`.trim();
  if (e instanceof Error) return (e as NodeJS.ErrnoException).code ?? e.name;
  return 'unknown error';
}

async function readAll(stream: NodeJS.ReadableStream | undefined): Promise<string> {
  if (!stream) return '';
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}
