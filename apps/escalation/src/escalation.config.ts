import { Transform, Type } from 'class-transformer';
import { IsInt, IsJSON, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { ServiceConfig, trim } from '@bekasi/platform';


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
  ESCALATION_DELIVERY_MAX_ATTEMPTS = 8;

  /** SMTP server for e-mail alerts, e.g. smtp://mail.bekasikab.go.id:587; none: no e-mail. */
  @IsOptional() @Transform(trim) @Matches(/^smtps?:\/\/.+/, { message: 'ESCALATION_SMTP_URL must be an smtp:// or smtps:// URL' })
  ESCALATION_SMTP_URL?: string;

  @Transform(trim) @IsString()
  ESCALATION_EMAIL_FROM = 'LAPOR! Kabupaten Bekasi <lapor@bekasikab.go.id>';

  /**
   * The mailbox of each position alerted, as JSON: keys `unit_head:<UNIT>`, `asda:<I|II|III>`, `sekda`,
   * `bupati`. Positions, not people: an acting Sekda reads the Sekda's mailbox.
   */
  @IsOptional() @Transform(trim) @IsJSON({ message: 'ESCALATION_EMAIL_DIRECTORY must be a JSON object of position → e-mail address' })
  ESCALATION_EMAIL_DIRECTORY?: string;
}
