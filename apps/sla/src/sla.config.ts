import { Transform, Type } from 'class-transformer';
import { IsInt, IsString, Matches, Max, Min } from 'class-validator';
import { ServiceConfig, trim } from '@bekasi/platform';


export class SlaConfig extends ServiceConfig {
  /** The unit of the regency's LAPOR admin, who owes the verification and disposition deadline. */
  @Transform(trim) @IsString() @Matches(/^[A-Z0-9_]{2,64}$/, { message: 'SLA_ADMIN_UNIT_CODE must be a unit code such as DISKOMINFOSANTIK' })
  SLA_ADMIN_UNIT_CODE = 'DISKOMINFOSANTIK';

  /**
   * How often (real milliseconds) PostgreSQL is searched for timers that are due but did not fire,
   * e.g. because Redis lost its jobs; the safety net under BullMQ.
   */
  @Type(() => Number) @IsInt() @Min(100) @Max(3_600_000)
  SLA_SWEEP_INTERVAL_MS = 5_000;

  /** How often (real milliseconds) BullMQ's delayed jobs are rebuilt from the timers in PostgreSQL. */
  @Type(() => Number) @IsInt() @Min(1_000) @Max(86_400_000)
  SLA_RECONCILE_INTERVAL_MS = 60_000;

  /**
   * Timers due within this (real milliseconds) are kept as BullMQ jobs; later ones live in PostgreSQL
   * only and each reconcile loads the next window. Must exceed the reconcile interval.
   */
  @Type(() => Number) @IsInt() @Min(10_000) @Max(366 * 86_400_000)
  SLA_QUEUE_HORIZON_MS = 900_000;
}
