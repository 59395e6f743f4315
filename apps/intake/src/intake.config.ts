import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength } from 'class-validator';
import { FileStoreServiceConfig } from '@bekasi/file-store';
import { trim } from '@bekasi/platform';

const bool = ({ value }: { value: unknown }) => (typeof value === 'string' ? ['1', 'true', 'yes'].includes(value.toLowerCase()) : value);

export class IntakeConfig extends FileStoreServiceConfig {
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

  /**
   * Webhook complaints waiting for or inside a group commit at most; beyond it the webhook answers
   * 503 with Retry-After (channels retry) instead of queueing without limit under overload.
   */
  @Type(() => Number) @IsInt() @Min(1) @Max(100_000)
  INTAKE_MAX_PENDING = 1_000;

  /** Largest JSON body; larger ones answer 413. */
  @Transform(trim) @Matches(/^\d+(kb|mb)$/i, { message: 'INTAKE_BODY_LIMIT must look like 256kb or 1mb' })
  INTAKE_BODY_LIMIT = '256kb';

  /** Largest uploaded export; larger ones answer 413. */
  @Type(() => Number) @IsInt() @Min(1) @Max(500)
  IMPORT_MAX_FILE_MB = 50;

  /** Prefix of intake's own tracking ids, e.g. BKS-2026-000123. */
  @Transform(trim) @Matches(/^[A-Z]{2,8}$/, { message: 'TRACKING_ID_PREFIX must be 2-8 capital letters' })
  TRACKING_ID_PREFIX = 'BKS';

  /** LAPOR! integration API (write-back of disposisi, tindak lanjut, closure); the connector is off when unset. */
  @IsOptional() @Transform(trim) @Matches(/^https?:\/\/.+/, { message: 'LAPOR_CONNECTOR_BASE_URL must be an http(s):// URL' })
  LAPOR_CONNECTOR_BASE_URL?: string;

  /** Bearer token of the integration API (LAPOR_API_TOKEN when unset). */
  @IsOptional() @Transform(trim) @IsString()
  LAPOR_CONNECTOR_TOKEN?: string;

  /** JSON: path per action and feed, `{trackingId}` filled in; see DEFAULT_LAPOR_CONNECTOR_PATHS. */
  @IsOptional() @Transform(trim) @Matches(/^\{.*\}$/s, { message: 'LAPOR_CONNECTOR_PATHS must be a JSON object' })
  LAPOR_CONNECTOR_PATHS?: string;

  /** JSON: our field name → the API's, see DEFAULT_LAPOR_CONNECTOR_FIELDS. */
  @IsOptional() @Transform(trim) @Matches(/^\{.*\}$/s, { message: 'LAPOR_CONNECTOR_FIELD_MAPPING must be a JSON object' })
  LAPOR_CONNECTOR_FIELD_MAPPING?: string;

  /** JSON: unit code → the instansi id LAPOR! assigned it, e.g. {"DINSOS":"1234"}; seeds the connector's table at start. */
  @IsOptional() @Transform(trim) @Matches(/^\{.*\}$/s, { message: 'LAPOR_INSTANSI_IDS must be a JSON object' })
  LAPOR_INSTANSI_IDS?: string;

  @Type(() => Number) @IsInt() @Min(100) @Max(120_000)
  LAPOR_CONNECTOR_TIMEOUT_MS = 10_000;

  /** First retry delay after a 5xx or timeout; doubles per attempt up to the maximum. */
  @Type(() => Number) @IsInt() @Min(10) @Max(3_600_000)
  LAPOR_CONNECTOR_RETRY_BASE_MS = 1_000;

  @Type(() => Number) @IsInt() @Min(10) @Max(86_400_000)
  LAPOR_CONNECTOR_MAX_BACKOFF_MS = 300_000;

  /** How often the send queue and the updates feed are looked at when nothing woke them. */
  @Type(() => Number) @IsInt() @Min(10) @Max(3_600_000)
  LAPOR_CONNECTOR_INTERVAL_MS = 2_000;

  /** Tickets sent to in parallel (each ticket's actions stay in order). */
  @Type(() => Number) @IsInt() @Min(1) @Max(64)
  LAPOR_CONNECTOR_CONCURRENCY = 4;

  /** How often LAPOR!'s status of the open tickets is compared with ours. */
  @Type(() => Number) @IsInt() @Min(1000) @Max(86_400_000)
  LAPOR_RECONCILE_INTERVAL_MS = 600_000;

  /** The registered channels (JSON {"channels":[...]}) and their signing secrets; see docs/security.md. */
  @IsOptional() @IsString()
  INTAKE_CHANNELS?: string;

  @Transform(trim) @IsString()
  INTAKE_CHANNELS_FILE = '.run/keys/channels.json';

  /** Secret(s) of the reporter keys handed to channels (comma list: the first signs); desk holds the same. */
  @IsOptional() @IsString() @MinLength(32, { message: 'REPORTER_KEY_SECRET must be at least 32 characters' })
  REPORTER_KEY_SECRET?: string;

  @Transform(trim) @IsString()
  REPORTER_KEY_SECRET_FILE = '.run/keys/reporter-key.secret';

  /** WhatsApp/SMS gateway that relays status updates to reporters of those channels (POST JSON); off when unset. */
  @IsOptional() @Transform(trim) @Matches(/^https?:\/\/.+/, { message: 'REPORTER_NOTICE_WEBHOOK_URL must be an http(s):// URL' })
  REPORTER_NOTICE_WEBHOOK_URL?: string;

  @IsOptional() @Transform(trim) @IsString()
  REPORTER_NOTICE_WEBHOOK_TOKEN?: string;

  /** SMTP server for status updates to reporters who gave an e-mail address, e.g. smtp://mail.bekasikab.go.id:587; off when unset. */
  @IsOptional() @Transform(trim) @Matches(/^smtps?:\/\/.+/, { message: 'REPORTER_NOTICE_SMTP_URL must be an smtp:// or smtps:// URL' })
  REPORTER_NOTICE_SMTP_URL?: string;

  @Transform(trim) @IsString()
  REPORTER_NOTICE_EMAIL_FROM = 'LAPOR! Kabupaten Bekasi <no-reply@bekasikab.go.id>';

  /** Imports the sample export once at start, so routing has history to learn from. */
  @Transform(bool) @IsBoolean()
  DEMO_SEED = false;
}
