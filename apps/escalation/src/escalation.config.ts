import { Transform, Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { ServiceConfig } from '@bekasi/platform';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class EscalationConfig extends ServiceConfig {
  /** How often (real milliseconds) due ladder steps are raised and pending deliveries sent. */
  @Type(() => Number) @IsInt() @Min(100) @Max(3_600_000)
  ESCALATION_POLL_INTERVAL_MS = 2_000;

  /**
   * Where every raised alert is also POSTed as JSON (e.g. the regency's WhatsApp or e-mail gateway);
   * none: alerts are in-app only.
   */
  @IsOptional() @Transform(trim) @Matches(/^https?:\/\/.+/, { message: 'ESCALATION_WEBHOOK_URL must be an http(s):// URL' })
  ESCALATION_WEBHOOK_URL?: string;

  /** Bearer token sent to the webhook. */
  @IsOptional() @Transform(trim) @IsString()
  ESCALATION_WEBHOOK_TOKEN?: string;

  /** Attempts before a delivery is given up (it stays visible as failed, and the alert in-app). */
  @Type(() => Number) @IsInt() @Min(1) @Max(50)
  ESCALATION_WEBHOOK_MAX_ATTEMPTS = 8;
}
