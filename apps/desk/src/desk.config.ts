import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Max, Min, MinLength } from 'class-validator';
import { FileStoreServiceConfig } from '@bekasi/file-store';
import { trim } from '@bekasi/platform';

/** Desk's settings beyond the shared ones: desk alone holds the private key that signs access tokens. */
export class DeskConfig extends FileStoreServiceConfig {
  /** EC P-256 private key (PEM) that signs access and refresh tokens. */
  @IsOptional() @IsString()
  AUTH_SIGNING_KEY?: string;

  @Transform(trim) @IsString()
  AUTH_SIGNING_KEY_FILE = '.run/keys/desk-signing-key.pem';

  /** Access token lifetime: at most 55 s, so a deactivated user is out of every service within a minute. */
  @Type(() => Number) @IsInt() @Min(1) @Max(55)
  AUTH_ACCESS_TTL_SECONDS = 55;

  /** How long a sign-in lasts with refreshes (absolute, not extended by refreshing). */
  @Type(() => Number) @IsInt() @Min(60) @Max(7 * 24 * 3600)
  AUTH_REFRESH_TTL_SECONDS = 8 * 3600;

  /** Secret(s) of the reporter keys intake hands out (comma list: the first is intake's current one). */
  @IsOptional() @IsString() @MinLength(32, { message: 'REPORTER_KEY_SECRET must be at least 32 characters' })
  REPORTER_KEY_SECRET?: string;

  @Transform(trim) @IsString()
  REPORTER_KEY_SECRET_FILE = '.run/keys/reporter-key.secret';

  /** Seed one user per role and an officer and a unit head per unit (password `bekasi-demo-2026`). */
  @Transform(({ value }) => value === true || value === 'true' || value === '1') @IsBoolean()
  DEMO_SEED = false;

  @Type(() => Number) @IsInt() @Min(1) @Max(1000)
  LOGIN_RATE_LIMIT = 5;

  /** Largest evidence file; larger uploads answer 413. */
  @Type(() => Number) @IsInt() @Min(1) @Max(100)
  FILE_MAX_MB = 10;

  /** Signs the short-lived download links (comma list: first signs, all verify); a random one per process when unset. */
  @IsOptional() @IsString() @MinLength(32, { message: 'FILE_LINK_SECRET must be at least 32 characters' })
  FILE_LINK_SECRET?: string;

  @Type(() => Number) @IsInt() @Min(10) @Max(3600)
  FILE_LINK_TTL_SECONDS = 300;
}
