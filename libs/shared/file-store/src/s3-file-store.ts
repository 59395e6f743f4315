import { createHash, createHmac } from 'node:crypto';
import { assertSafeKey, type FileStore } from './file-store';

export interface S3Settings {
  /** e.g. http://minio:9000 (path-style addressing, as MinIO serves it). */
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  timeoutMs?: number;
}

const sha256Hex = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');
const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data).digest();
const encodeKey = (key: string) => key.split('/').map((part) => encodeURIComponent(part)).join('/');

/** AWS Signature Version 4 headers of one request (the part of SigV4 a store client needs). */
export function signS3Request(
  settings: Pick<S3Settings, 'region' | 'accessKeyId' | 'secretAccessKey'>,
  request: { method: string; host: string; path: string; query?: string; headers?: Record<string, string>; payloadHash: string; now: Date },
): Record<string, string> {
  const amzDate = request.now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  const day = amzDate.slice(0, 8);
  const headers: Record<string, string> = { ...(request.headers ?? {}), host: request.host, 'x-amz-content-sha256': request.payloadHash, 'x-amz-date': amzDate };
  const names = Object.keys(headers).map((h) => h.toLowerCase()).sort();
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v.trim()]));
  const canonical = [request.method, request.path, request.query ?? '', names.map((n) => `${n}:${lower[n]}\n`).join(''), names.join(';'), request.payloadHash].join('\n');
  const scope = `${day}/${settings.region}/s3/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256Hex(canonical)].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${settings.secretAccessKey}`, day), settings.region), 's3'), 'aws4_request');
  const signature = createHmac('sha256', key).update(toSign).digest('hex');
  return {
    ...headers,
    authorization: `AWS4-HMAC-SHA256 Credential=${settings.accessKeyId}/${scope}, SignedHeaders=${names.join(';')}, Signature=${signature}`,
  };
}

/** An S3-compatible bucket (MinIO in docker-compose and k8s), spoken to with signed fetch calls. */
export class S3FileStore implements FileStore {
  readonly kind = 's3' as const;
  private readonly base: URL;

  constructor(private readonly settings: S3Settings) {
    this.base = new URL(settings.endpoint);
  }

  private async call(method: string, key: string | null, body?: Buffer, contentType?: string): Promise<Response> {
    const path = `/${encodeURIComponent(this.settings.bucket)}${key === null ? '' : `/${encodeKey(key)}`}`;
    const payloadHash = sha256Hex(body ?? '');
    const headers = signS3Request(this.settings, {
      method,
      host: this.base.host,
      path,
      headers: contentType ? { 'content-type': contentType } : {},
      payloadHash,
      now: new Date(),
    });
    delete headers.host;
    return fetch(new URL(path, this.base), {
      method,
      headers,
      body: body ? new Uint8Array(body) : undefined,
      signal: AbortSignal.timeout(this.settings.timeoutMs ?? 15_000),
    });
  }

  async put(key: string, bytes: Buffer, contentType: string): Promise<void> {
    assertSafeKey(key);
    const res = await this.call('PUT', key, bytes, contentType);
    if (!res.ok) throw new Error(`object store PUT ${key}: HTTP ${res.status} ${(await res.text()).slice(0, 200)}`);
  }

  async get(key: string): Promise<Buffer | null> {
    assertSafeKey(key);
    const res = await this.call('GET', key);
    if (res.status === 404) return null;
    if (!res.ok) throw new Error(`object store GET ${key}: HTTP ${res.status}`);
    return Buffer.from(await res.arrayBuffer());
  }

  async delete(key: string): Promise<void> {
    assertSafeKey(key);
    const res = await this.call('DELETE', key);
    if (!res.ok && res.status !== 404) throw new Error(`object store DELETE ${key}: HTTP ${res.status}`);
  }

  async check(): Promise<void> {
    const res = await this.call('HEAD', null);
    if (!res.ok) throw new Error(`object store bucket ${this.settings.bucket}: HTTP ${res.status}`);
  }
}
