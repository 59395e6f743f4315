import { Inject, Injectable } from '@nestjs/common';
import { SERVICE_CONFIG } from '@bekasi/platform';
import { laporConnectorFields, laporConnectorPaths, pathFor, type LaporActionKind, type LaporConnectorFields, type LaporConnectorPaths } from '@bekasi/intake-domain';
import type { IntakeConfig } from '../intake.config';

export type LaporAnswer =
  | { kind: 'answered'; status: number; body: Record<string, unknown> | null }
  | { kind: 'timeout' | 'network'; error: string };

/** The SP4N-LAPOR! integration API (or lapor-sim): writes per report, the report's status, the updates feed. */
@Injectable()
export class LaporIntegrationClient {
  readonly paths: LaporConnectorPaths;
  readonly fields: LaporConnectorFields;

  constructor(@Inject(SERVICE_CONFIG) private readonly config: IntakeConfig) {
    this.paths = laporConnectorPaths(config.LAPOR_CONNECTOR_PATHS ? JSON.parse(config.LAPOR_CONNECTOR_PATHS) : {});
    this.fields = laporConnectorFields(config.LAPOR_CONNECTOR_FIELD_MAPPING ? JSON.parse(config.LAPOR_CONNECTOR_FIELD_MAPPING) : {});
  }

  get enabled(): boolean {
    return Boolean(this.config.LAPOR_CONNECTOR_BASE_URL);
  }

  private headers(): Record<string, string> {
    const token = this.config.LAPOR_CONNECTOR_TOKEN ?? this.config.LAPOR_API_TOKEN;
    return { accept: 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) };
  }

  send(kind: LaporActionKind, laporTrackingId: string, body: Record<string, unknown>, idempotencyKey: string, signal?: AbortSignal): Promise<LaporAnswer> {
    return this.call('POST', pathFor(this.paths[kind], laporTrackingId), { body, idempotencyKey, signal });
  }

  report(laporTrackingId: string): Promise<LaporAnswer> {
    return this.call('GET', pathFor(this.paths.report, laporTrackingId));
  }

  updates(cursor: string | null, limit: number): Promise<LaporAnswer> {
    const query = new URLSearchParams({ limit: String(limit), ...(cursor !== null ? { cursor } : {}) });
    return this.call('GET', `${this.paths.updates}?${query}`);
  }

  private async call(method: string, path: string, options: { body?: unknown; idempotencyKey?: string; signal?: AbortSignal } = {}): Promise<LaporAnswer> {
    const url = new URL(path, this.config.LAPOR_CONNECTOR_BASE_URL);
    let response: Response;
    let text: string;
    try {
      response = await fetch(url, {
        method,
        headers: {
          ...this.headers(),
          ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(options.idempotencyKey ? { 'idempotency-key': options.idempotencyKey } : {}),
        },
        body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
        signal: options.signal
          ? AbortSignal.any([options.signal, AbortSignal.timeout(this.config.LAPOR_CONNECTOR_TIMEOUT_MS)])
          : AbortSignal.timeout(this.config.LAPOR_CONNECTOR_TIMEOUT_MS),
      });
      text = await response.text();
    } catch (err) {
      const name = (err as Error).name;
      if (name === 'TimeoutError' || name === 'AbortError') return { kind: 'timeout', error: `no answer within ${this.config.LAPOR_CONNECTOR_TIMEOUT_MS} ms` };
      return { kind: 'network', error: `${(err as Error).message}${(err as { cause?: Error }).cause ? `: ${(err as { cause?: Error }).cause?.message}` : ''}` };
    }
    let body: Record<string, unknown> | null = null;
    try {
      const parsed = text ? JSON.parse(text) : null;
      body = parsed && typeof parsed === 'object' ? parsed : null;
    } catch {
      body = null;
    }
    return { kind: 'answered', status: response.status, body };
  }
}

/** LAPOR!'s own words on a refusal, for the admin. */
export function laporMessageOf(body: Record<string, unknown> | null, status: number): string {
  const message = body?.message ?? body?.error ?? body?.detail;
  const text = Array.isArray(message) ? message.join('; ') : typeof message === 'string' ? message : null;
  return (text ?? `HTTP ${status}`).slice(0, 2000);
}
