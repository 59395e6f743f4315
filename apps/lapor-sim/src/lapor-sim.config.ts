import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsNumber, IsOptional, IsString, Max, Min } from 'class-validator';
import { trim } from '@bekasi/platform';


/** The simulator's knobs; every one can also be changed at run time through /admin. */
export class LaporSimConfig {
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(65535)
  PORT?: number;

  /** Same seed, same reports (and same injected faults for the same sequence of requests). */
  @Type(() => Number) @IsInt() @Min(0)
  LAPOR_SIM_SEED = 1;

  /** Reports available at start. */
  @Type(() => Number) @IsInt() @Min(0) @Max(10_000_000)
  LAPOR_SIM_INITIAL_REPORTS = 50;

  /** New reports per second (load); 0 for none. */
  @Type(() => Number) @IsNumber() @Min(0) @Max(100_000)
  LAPOR_SIM_RATE = 0.2;

  /** Share of pages that also serve an already served report again. */
  @Type(() => Number) @IsNumber() @Min(0) @Max(1)
  LAPOR_SIM_DUPLICATE_RATE = 0.05;

  /** Share of reports that are malformed (missing tracking id, unreadable date, empty text...). */
  @Type(() => Number) @IsNumber() @Min(0) @Max(1)
  LAPOR_SIM_MALFORMED_RATE = 0.01;

  /** Share of requests answered slowly, and how slowly. */
  @Type(() => Number) @IsNumber() @Min(0) @Max(1)
  LAPOR_SIM_SLOW_RATE = 0;

  @Type(() => Number) @IsInt() @Min(0) @Max(600_000)
  LAPOR_SIM_SLOW_MS = 3_000;

  /** Share of requests answered 5xx. */
  @Type(() => Number) @IsNumber() @Min(0) @Max(1)
  LAPOR_SIM_ERROR_RATE = 0;

  /**
   * Integration API writes only to reports this simulator served (else 404, as LAPOR! answers for an unknown
   * report). Off by default: under `npm start` intake also holds reports from the sample export, which
   * the real LAPOR! would know.
   */
  @Transform(({ value }) => value === true || value === 'true' || value === '1') @IsBoolean()
  LAPOR_SIM_KNOWN_REPORTS_ONLY = false;

  /** Bearer token the API requires; none when empty. */
  @Transform(trim) @IsString()
  LAPOR_SIM_TOKEN = '';
}
