import { OpbakningError } from '../../src/app/errors';
import type { JsonStore, Stored } from '../../src/app/json-store';

/** A store that fails every call while `down` is true, as an unreachable storage account does. */
export class FlakyStore implements JsonStore {
  down = false;
  constructor(private readonly inner: JsonStore) {}

  private check(): void {
    if (this.down) throw new OpbakningError('storage_unavailable', 'storage read failed: ECONNREFUSED');
  }
  async get<T>(key: string): Promise<Stored<T> | undefined> {
    this.check();
    return this.inner.get<T>(key);
  }
  async create(key: string, value: unknown) {
    this.check();
    return this.inner.create(key, value);
  }
  async replace(key: string, value: unknown, etag: string) {
    this.check();
    return this.inner.replace(key, value, etag);
  }
  async list(prefix: string) {
    this.check();
    return this.inner.list(prefix);
  }
  async delete(key: string) {
    this.check();
    return this.inner.delete(key);
  }
}
