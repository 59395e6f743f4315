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
 * How a process finds the keys that verify access tokens and the gateway's hop secret. Inline
 * values (Kubernetes Secrets/ConfigMaps as env) win over files; the default files are the
 * development keys `node tools/dev-keys.js` writes into the git-ignored .run/keys/.
 */
export class AuthEnvironment {
  @IsOptional() @IsIn(['development', 'test', 'production'], { message: 'NODE_ENV must be development, test or production' })
  NODE_ENV?: string;

  @Transform(trim) @IsString() @MinLength(3)
  AUTH_ISSUER = 'bekasi-desk';

  @Transform(trim) @IsString() @MinLength(3)
  AUTH_AUDIENCE = 'bekasi-lapor';

  /** The public keys (JWKS JSON) that verify access tokens. */
  @IsOptional() @IsString()
  AUTH_PUBLIC_JWKS?: string;

  @Transform(trim) @IsString()
  AUTH_PUBLIC_JWKS_FILE = '.run/keys/jwks.json';

  /** Shared by the gateway and the services: the gateway signs the client address it forwards with it. */
  @IsOptional() @IsString() @MinLength(32, { message: 'GATEWAY_HOP_SECRET must be at least 32 characters' })
  GATEWAY_HOP_SECRET?: string;

  @Transform(trim) @IsString()
  GATEWAY_HOP_SECRET_FILE = '.run/keys/gateway-hop.secret';
}

/**
 * Settings every service shares, read from the environment and validated at boot, so a missing or
 * malformed variable stops the service with a message that names it, instead of failing later.
 */
export class ServiceConfig extends AuthEnvironment {
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
  if (env.NODE_ENV === 'production') {
    const declared = new Set([...Object.keys(defaults), ...Object.keys(env).filter((k) => OWN_VARIABLE.test(k))]);
    const own = Object.fromEntries(Object.entries(instance as Record<string, unknown>).filter(([k]) => declared.has(k)));
    refuseDevelopmentDefaults(own, env);
  }
  return instance;
}

// The project's own variables (other processes' variables in the environment are not ours to judge).
const OWN_VARIABLE = /^(AUTH|GATEWAY|INTAKE|REPORTER|LAPOR|ESCALATION|DESK|SLA|IKP|ROUTING)_|^DEMO_SEED$/;
// What a published example or a development default looks like: never acceptable in production.
const EXAMPLE_VALUE = /change-?me|dev-only|example|default|placeholder|bekasi-demo|^test-|^secret$|^password$/i;
const SECRET_NAME = /SECRET|TOKEN|PASSWORD|_KEY$|_KEYS$|JWKS|CHANNELS/;

/**
 * NODE_ENV=production: refuse to start on demo data or on a secret that is an example or the
 * development key files, naming each variable. Secrets must be configured, not defaulted.
 */
export function refuseDevelopmentDefaults(config: Record<string, unknown>, env: Record<string, string | undefined>): void {
  const problems: string[] = [];
  for (const [key, value] of Object.entries(config)) {
    if (key === 'DEMO_SEED' && value === true) problems.push('DEMO_SEED: demo data must not be seeded in production');
    if (typeof value !== 'string') continue;
    if (SECRET_NAME.test(key) && !key.endsWith('_FILE') && EXAMPLE_VALUE.test(value)) problems.push(`${key}: an example or development value is not a secret`);
    if (key.endsWith('_FILE') && (/(^|[\\/])\.run[\\/]/.test(value) || env[key] === undefined) && env[key.slice(0, -'_FILE'.length)] === undefined) {
      problems.push(`${key.slice(0, -'_FILE'.length)} or ${key}: set it explicitly (the development keys in .run/keys are not for production)`);
    }
  }
  if (problems.length) throw new ConfigError(problems.map((p) => `NODE_ENV=production refuses ${p}`));
}
