import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { ServiceConfig, trim } from '@bekasi/platform';

const bool = ({ value }: { value: unknown }) => (typeof value === 'string' ? ['1', 'true', 'yes'].includes(value.toLowerCase()) : value);

export class IntakeConfig extends ServiceConfig {
  /** Base URL of the LAPOR! integration API (or lapor-sim); the poller is off when unset. */
  @IsOptional() @Transform(trim) @Matches(/^https?:\/\/.+/, { message: 'LAPOR_API_BASE_URL must be an http(s):// URL' })
  LAPOR_API_BASE_URL?: string;

  @IsOptional() @Transform(trim) @IsString()
  LAPOR_API_TOKEN?: string;

  @Transform(trim) @Matches(/^\/.*/, { message: 'LAPOR_API_REPORTS_PATH must start with /' })
  LAPOR_API_REPORTS_PATH = '/api/v1/reports';

  /** JSON object: our field → dotted path in the API record, e.g. {"externalId":"id"}; see DEFAULT_LAPOR_API_FIELD_MAPPING. */
  @IsOptional() @Transform(trim) @Matches(/^\{.*\}$/s, { message: 'LAPOR_API_FIELD_MAPPING must be a JSON object' })
  LAPOR_API_FIELD_MAPPING?: string;

  @Type(() => Number) @IsInt() @Min(1) @Max(1000)
  LAPOR_POLL_PAGE_SIZE = 100;

  /** Pause between polls once the API has nothing new. */
  @Type(() => Number) @IsInt() @Min(10) @Max(3_600_000)
  LAPOR_POLL_INTERVAL_MS = 5_000;

  /** An answer slower than this is abandoned and counts as a failure. */
  @Type(() => Number) @IsInt() @Min(100) @Max(120_000)
  LAPOR_POLL_TIMEOUT_MS = 10_000;

  @Type(() => Number) @IsInt() @Min(100) @Max(3_600_000)
  LAPOR_POLL_MAX_BACKOFF_MS = 60_000;

  /** Requests per source per window on the webhook and the import endpoint. */
  @Type(() => Number) @IsInt() @Min(1) @Max(1_000_000)
  INTAKE_RATE_LIMIT = 600;

  @Type(() => Number) @IsInt() @Min(100) @Max(3_600_000)
  INTAKE_RATE_WINDOW_MS = 60_000;

  /** Largest JSON body; larger ones answer 413. */
  @Transform(trim) @Matches(/^\d+(kb|mb)$/i, { message: 'INTAKE_BODY_LIMIT must look like 256kb or 1mb' })
  INTAKE_BODY_LIMIT = '256kb';

  /** Largest uploaded export; larger ones answer 413. */
  @Type(() => Number) @IsInt() @Min(1) @Max(500)
  IMPORT_MAX_FILE_MB = 50;

  /** Prefix of intake's own tracking ids, e.g. BKS-2026-000123. */
  @Transform(trim) @Matches(/^[A-Z]{2,8}$/, { message: 'TRACKING_ID_PREFIX must be 2-8 capital letters' })
  TRACKING_ID_PREFIX = 'BKS';

  /** Imports the sample export once at start, so routing has history to learn from. */
  @Transform(bool) @IsBoolean()
  DEMO_SEED = false;
}
