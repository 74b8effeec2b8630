import type { Storage, StoreItems } from 'botbuilder';
import type { JsonStore } from '../app/json-store';

function conflict(key: string): Error {
  // TeamsSSOTokenExchangeMiddleware recognises a duplicate by this wording.
  return new Error(`Storage: error writing "${key}" due to eTag conflict.`);
}

/**
 * botbuilder Storage over our JsonStore, with MemoryStorage's eTag rules: a write carrying an eTag
 * succeeds on a new key and fails on an existing one. BlobsStorage instead refuses an eTag on a new key,
 * which makes TeamsSSOTokenExchangeMiddleware drop every first token exchange (platform.md §3/§9).
 */
export class JsonBotStorage implements Storage {
  constructor(
    private readonly store: JsonStore,
    private readonly prefix = 'bot/',
  ) {}

  private key(key: string): string {
    return `${this.prefix}${encodeURIComponent(key)}`;
  }

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    for (const key of keys) {
      const found = await this.store.get<Record<string, unknown>>(this.key(key));
      if (found) items[key] = { ...found.value, eTag: found.etag };
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    for (const [key, item] of Object.entries(changes)) {
      const { eTag, ...value } = (item ?? {}) as Record<string, unknown>;
      const k = this.key(key);
      if (typeof eTag === 'string' && eTag !== '*') {
        const existing = await this.store.get(k);
        const result = existing ? await this.store.replace(k, value, eTag) : await this.store.create(k, value);
        if (result === 'conflict' || result === 'exists') throw conflict(key);
        continue;
      }
      // No eTag or "*": last writer wins, as botbuilder's BotState expects.
      for (let attempt = 0; ; attempt++) {
        const existing = await this.store.get(k);
        const result = existing ? await this.store.replace(k, value, existing.etag) : await this.store.create(k, value);
        if (result === 'saved' || result === 'created') break;
        if (attempt === 4) throw conflict(key);
      }
    }
  }

  async delete(keys: string[]): Promise<void> {
    await Promise.all(keys.map((key) => this.store.delete(this.key(key))));
  }
}
