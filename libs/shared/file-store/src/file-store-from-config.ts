import { FilesystemFileStore } from './filesystem-file-store';
import type { FileStore } from './file-store';
import { S3FileStore } from './s3-file-store';

export interface FileStoreConfig {
  /** `file:///var/lib/bekasi/files` (or a plain path), or `s3://BUCKET` with FILE_STORE_S3_* for the endpoint and keys. */
  FILE_STORE_URL: string;
  FILE_STORE_S3_ENDPOINT?: string;
  FILE_STORE_S3_REGION?: string;
  FILE_STORE_S3_ACCESS_KEY?: string;
  FILE_STORE_S3_SECRET_KEY?: string;
}

/** The one way services open the file store from their configuration. */
export function fileStoreFromConfig(config: FileStoreConfig): FileStore {
  const url = config.FILE_STORE_URL;
  if (url.startsWith('s3://')) {
    const bucket = url.slice('s3://'.length).replace(/\/+$/, '');
    const { FILE_STORE_S3_ENDPOINT: endpoint, FILE_STORE_S3_ACCESS_KEY: accessKeyId, FILE_STORE_S3_SECRET_KEY: secretAccessKey } = config;
    if (!bucket || !endpoint || !accessKeyId || !secretAccessKey) {
      throw new Error('FILE_STORE_URL s3://BUCKET needs FILE_STORE_S3_ENDPOINT, FILE_STORE_S3_ACCESS_KEY and FILE_STORE_S3_SECRET_KEY');
    }
    return new S3FileStore({ endpoint, bucket, region: config.FILE_STORE_S3_REGION || 'us-east-1', accessKeyId, secretAccessKey });
  }
  return new FilesystemFileStore(url.startsWith('file://') ? new URL(url).pathname : url);
}
