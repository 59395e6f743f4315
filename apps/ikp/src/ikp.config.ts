import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { ServiceConfig } from '@bekasi/platform';

/** Weights, targets and zones are IKP policy (libs/ikp/domain); here only how the service runs. */
export class IkpConfig extends ServiceConfig {
  /** How often (real milliseconds) the service checks whether last month's scores still need publishing. */
  @Type(() => Number) @IsInt() @Min(1_000) @Max(86_400_000)
  IKP_PUBLISH_CHECK_INTERVAL_MS = 3_600_000;
}
