import { type ContainerClient, RestError } from '@azure/storage-blob';
import { OpbakningError } from '../app/errors';

/**
 * One container's readiness, and the one way a storage failure leaves an adapter: as a coded `storage_unavailable`
 * error whose text holds status and code only, never a request body. Shared by the case documents and the evidence.
 */
export class ContainerCalls {
  private ready: Promise<void> | undefined;

  constructor(
    private readonly container: ContainerClient,
    private readonly label: string,
  ) {}

  ensureContainer(): Promise<void> {
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

  async run<T>(what: string, op: () => Promise<T>): Promise<T> {
    try {
      await this.ensureContainer();
      return await op();
    } catch (e) {
      if (e instanceof OpbakningError) throw e;
      throw new OpbakningError('storage_unavailable', `${this.label} ${what} failed: ${describe(e)}`, { cause: e });
    }
  }
}

export function statusOf(e: unknown): number | undefined {
  return e instanceof RestError ? e.statusCode : undefined;
}

/** Error text for logs: status and code only, never a request body. */
export function describe(e: unknown): string {
  if (e instanceof RestError) return `${e.statusCode ?? 'no status'} ${e.code ?? ''}`.trim();
  if (e instanceof Error) return (e as NodeJS.ErrnoException).code ?? e.name;
  return 'unknown error';
}
