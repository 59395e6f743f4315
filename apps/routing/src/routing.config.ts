import { Type } from 'class-transformer';
import { IsInt, IsNumber, Max, Min } from 'class-validator';
import { ServiceConfig } from '@bekasi/platform';

export class RoutingConfig extends ServiceConfig {
  /**
   * Minimum decision confidence for routing without the admin. 0.5: on held-out history (see
   * `npm run routing:evaluate`) it keeps automatic dispositions at high precision while the
   * admin still sees every complaint where two units compete (a tie halves the confidence).
   */
  @Type(() => Number) @IsNumber() @Min(0) @Max(1)
  ROUTING_AUTO_THRESHOLD = 0.5;

  /** How often the model is retrained when new training examples exist. */
  @Type(() => Number) @IsInt() @Min(1) @Max(7 * 24 * 60)
  ROUTING_RETRAIN_INTERVAL_MINUTES = 60;
}
