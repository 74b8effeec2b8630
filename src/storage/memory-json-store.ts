import type { JsonStore, Stored } from '../app/json-store';

/**
 * JsonStore in process memory, with the same eTag rules as the blob store. For tests and benchmarks only.
 * Values go through JSON once, when written, and are kept deeply frozen: a read hands out the same snapshot,
 * and code that tried to change what it read would throw instead of silently changing the store.
 */
export class MemoryJsonStore implements JsonStore {
  private readonly items = new Map<string, { value: unknown; etag: string }>();
  private counter = 0;

  async get<T>(key: string): Promise<Stored<T> | undefined> {
    const item = this.items.get(key);
    return item ? { value: item.value as T, etag: item.etag } : undefined;
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
    this.items.set(key, { value: deepFreeze(JSON.parse(JSON.stringify(value))), etag: `"m${this.counter}"` });
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
