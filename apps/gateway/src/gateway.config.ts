import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { AuthEnvironment, trim } from '@bekasi/platform';

const URL_RULE = /^https?:\/\/[^/]+$/;
const urlMessage = (name: string) => `${name} must be an http(s)://host:port URL without a path`;

/** The gateway keeps no data: its settings are where the services are and the keys that verify tokens. */
export class GatewayConfig extends AuthEnvironment {
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(65535)
  PORT?: number;

  @Transform(trim) @Matches(URL_RULE, { message: urlMessage('GATEWAY_DESK_URL') })
  GATEWAY_DESK_URL = 'http://127.0.0.1:3003';

  @Transform(trim) @Matches(URL_RULE, { message: urlMessage('GATEWAY_INTAKE_URL') })
  GATEWAY_INTAKE_URL = 'http://127.0.0.1:3001';

  @Transform(trim) @Matches(URL_RULE, { message: urlMessage('GATEWAY_ROUTING_URL') })
  GATEWAY_ROUTING_URL = 'http://127.0.0.1:3002';

  @Transform(trim) @Matches(URL_RULE, { message: urlMessage('GATEWAY_SLA_URL') })
  GATEWAY_SLA_URL = 'http://127.0.0.1:3004';

  @Transform(trim) @Matches(URL_RULE, { message: urlMessage('GATEWAY_ESCALATION_URL') })
  GATEWAY_ESCALATION_URL = 'http://127.0.0.1:3005';

  @Transform(trim) @Matches(URL_RULE, { message: urlMessage('GATEWAY_IKP_URL') })
  GATEWAY_IKP_URL = 'http://127.0.0.1:3006';

  /** Longest a service may take to answer before the gateway answers 504. */
  @Type(() => Number) @IsInt() @Min(100) @Max(600_000)
  GATEWAY_UPSTREAM_TIMEOUT_MS = 30_000;

  /** The built web UI (apps/web/dist, from `npm run web:build`). */
  @Transform(trim) @IsString()
  WEB_ROOT = 'apps/web/dist';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';
}
