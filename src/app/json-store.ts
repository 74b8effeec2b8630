/**
 * The storage port: JSON documents with eTags. Creation is create-only and replacement is
 * compare-and-swap, so two instances or two clicks can never overwrite each other.
 */
export interface Stored<T> {
  readonly value: T;
  readonly etag: string;
}

export interface JsonStore {
  get<T>(key: string): Promise<Stored<T> | undefined>;
  /** Writes only if nothing is stored under the key. */
  create(key: string, value: unknown): Promise<'created' | 'exists'>;
  /** Writes only if the stored eTag is still `etag`. */
  replace(key: string, value: unknown, etag: string): Promise<'saved' | 'conflict'>;
  /** Keys under a prefix (without reading them). */
  list(prefix: string): Promise<string[]>;
  delete(key: string): Promise<void>;
}
