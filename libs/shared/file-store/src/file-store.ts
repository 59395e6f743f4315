/** Where evidence files live: the filesystem (embedded default) or an S3-compatible object store (MinIO). */
export interface FileStore {
  readonly kind: 'filesystem' | 's3';
  put(key: string, bytes: Buffer, contentType: string): Promise<void>;
  /** The object's bytes, or null when there is none under the key. */
  get(key: string): Promise<Buffer | null>;
  delete(key: string): Promise<void>;
  /** Throws when the store cannot be reached (readiness). */
  check(): Promise<void>;
}

/** Keys are ours (uuid-based), but a store must never be walked out of by one: letters, digits, `/ . _ -` only. */
export function assertSafeKey(key: string): void {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*)*$/.test(key) || key.includes('..')) {
    throw new Error(`unsafe file store key: ${JSON.stringify(key)}`);
  }
}
