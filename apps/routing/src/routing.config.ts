import { Type } from 'class-transformer';
import { IsInt, IsNumber, IsOptional, Max, Min } from 'class-validator';
import { ServiceConfig } from '@bekasi/platform';

export class RoutingConfig extends ServiceConfig {
  /**
   * A fixed auto-route threshold, overriding the one each retraining chooses on the newest
   * history (the lowest whose estimated precision of automatic dispositions is ≥ 90 %, or none).
   * Leave unset in production: a fixed 0.5 auto-routed at 62 % precision on a real export.
   */
  @IsOptional() @Type(() => Number) @IsNumber() @Min(0) @Max(1)
  ROUTING_AUTO_THRESHOLD?: number;

  /** How often the model is retrained when new training examples exist. */
  @Type(() => Number) @IsInt() @Min(1) @Max(7 * 24 * 60)
  ROUTING_RETRAIN_INTERVAL_MINUTES = 60;
}
