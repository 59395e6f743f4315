import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsString, Max, Min, MinLength } from 'class-validator';
import { ServiceConfig } from '@bekasi/platform';

/** Desk's settings beyond the shared ones (JWT_SECRET is shared: the gateway verifies the same tokens). */
export class DeskConfig extends ServiceConfig {
  /** Service token intake's channels send as `x-reporter-channel-token` to record replies, ratings, reopenings. */
  @IsString() @MinLength(16, { message: 'REPORTER_CHANNEL_TOKEN must be at least 16 characters' })
  REPORTER_CHANNEL_TOKEN = 'dev-only-reporter-channel-token';

  /** Seed one user per role and an officer and a unit head per unit (password `bekasi-demo-2026`). */
  @Transform(({ value }) => value === true || value === 'true' || value === '1') @IsBoolean()
  DEMO_SEED = false;

  @Type(() => Number) @IsInt() @Min(60) @Max(7 * 24 * 3600)
  JWT_TTL_SECONDS = 8 * 3600;

  @Type(() => Number) @IsInt() @Min(1) @Max(1000)
  LOGIN_RATE_LIMIT = 5;
}
