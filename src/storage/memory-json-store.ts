import type { JsonStore, Stored } from '../app/json-store';

/** JsonStore in process memory, with the same eTag rules as the blob store. For tests and benchmarks only. */
export class MemoryJsonStore implements JsonStore {
  private readonly items = new Map<string, { body: string; etag: string }>();
  private counter = 0;

  async get<T>(key: string): Promise<Stored<T> | undefined> {
    const item = this.items.get(key);
    return item ? { value: JSON.parse(item.body) as T, etag: item.etag } : undefined;
  }

  async create(key: string, value: unknown): Promise<'created' | 'exists'> {
    if (this.items.has(key)) return 'exists';
    this.put(key, value);
    return 'created';
  }

  async replace(key: string, value: unknown, etag: string): Promise<'saved' | 'conflict'> {
    if (this.items.get(key)?.etag !== etag) return 'conflict';
    this.put(key, value);
    return 'saved';
  }

  async list(prefix: string): Promise<string[]> {
    return [...this.items.keys()].filter((k) => k.startsWith(prefix)).sort();
  }

  async delete(key: string): Promise<void> {
    this.items.delete(key);
  }

  private put(key: string, value: unknown): void {
    this.counter += 1;
    this.items.set(key, { body: JSON.stringify(value), etag: `"m${this.counter}"` });
  }
}
