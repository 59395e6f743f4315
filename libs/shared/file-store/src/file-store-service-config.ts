import { Transform } from 'class-transformer';
import { IsOptional, IsString, Matches, MinLength } from 'class-validator';
import { ServiceConfig, trim } from '@bekasi/platform';
import type { FileStoreConfig } from './file-store-from-config';

/**
 * The file store's settings, declared once: a service that keeps or reads evidence files (desk, intake,
 * ikp) extends this instead of ServiceConfig, so all of them read the same variables the same way.
 */
export class FileStoreServiceConfig extends ServiceConfig implements FileStoreConfig {
  /** `file://DIR` or a path (the embedded default), or `s3://BUCKET` with FILE_STORE_S3_* (MinIO). */
  @Transform(trim) @IsString() @MinLength(1)
  FILE_STORE_URL = '.run/files';

  @IsOptional() @Transform(trim) @Matches(/^https?:\/\/.+/, { message: 'FILE_STORE_S3_ENDPOINT must be an http(s):// URL' })
  FILE_STORE_S3_ENDPOINT?: string;

  @IsOptional() @Transform(trim) @IsString()
  FILE_STORE_S3_REGION?: string;

  @IsOptional() @Transform(trim) @IsString()
  FILE_STORE_S3_ACCESS_KEY?: string;

  @IsOptional() @Transform(trim) @IsString()
  FILE_STORE_S3_SECRET_KEY?: string;
}
