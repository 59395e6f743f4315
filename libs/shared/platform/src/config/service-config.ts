import 'reflect-metadata';
import { plainToInstance, Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsNumber, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

/** `@Transform(trim)`: configuration values arrive with stray spaces from env files and YAML. */
export const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/**
 * Settings every service shares, read from the environment and validated at boot, so a missing or
 * malformed variable stops the service with a message that names it, instead of failing later.
 */
export class ServiceConfig {
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(65535)
  PORT?: number;

  @Transform(trim) @IsString() @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/bekasi_lapor';

  @IsOptional() @Transform(trim) @Matches(/^[a-z_][a-z0-9_]{0,62}$/, { message: 'DB_SCHEMA must be a lower-case SQL identifier' })
  DB_SCHEMA?: string;

  @Transform(trim) @Matches(/^[^,\s]+:\d+(,[^,\s]+:\d+)*$/, { message: 'KAFKA_BROKERS must be host:port[,host:port...]' })
  KAFKA_BROKERS = '127.0.0.1:9092';

  @Transform(trim) @IsString() @Matches(/^[A-Za-z0-9._-]*$/, { message: 'KAFKA_TOPIC_PREFIX may hold letters, digits, . _ - only' })
  KAFKA_TOPIC_PREFIX = '';

  @Transform(trim) @Matches(/^rediss?:\/\/.+/, { message: 'REDIS_URL must be a redis:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  @Transform(trim) @IsString()
  REDIS_PREFIX = 'bekasi';

  @Type(() => Number) @IsNumber() @Min(1) @Max(1_000_000)
  TIME_SCALE = 1;

  @IsOptional() @Transform(trim) @Matches(/^\d{4}-\d{2}-\d{2}T/, { message: 'CLOCK_START must be an ISO timestamp' })
  CLOCK_START?: string;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @Type(() => Number) @IsInt() @Min(1) @Max(20)
  CONSUMER_MAX_ATTEMPTS = 5;

  @Type(() => Number) @IsInt() @Min(10) @Max(60_000)
  CONSUMER_RETRY_BASE_MS = 200;

  @Transform(trim) @IsString() @MinLength(16, { message: 'JWT_SECRET must be at least 16 characters' })
  JWT_SECRET = 'dev-only-secret-change-me-in-production';
}

/** Validates `env` into an instance of `cls` (a subclass of ServiceConfig); throws ConfigError listing every problem. */
export function loadConfig<T extends object>(cls: new () => T, env: Record<string, string | undefined> = process.env): T {
  const defaults = new cls() as Record<string, unknown>;
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(defaults)) raw[key] = defaults[key];
  for (const [key, value] of Object.entries(env)) if (value !== undefined && value !== '') raw[key] = value;
  const instance = plainToInstance(cls, raw);
  const errors = validateSync(instance as object, { whitelist: false, forbidUnknownValues: false });
  if (errors.length > 0) {
    throw new ConfigError(
      errors.map((e) => `${e.property}=${JSON.stringify(e.value)}: ${Object.values(e.constraints ?? {}).join('; ')}`),
    );
  }
  return instance;
}
