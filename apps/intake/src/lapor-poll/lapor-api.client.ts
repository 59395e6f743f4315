import { Inject, Injectable } from '@nestjs/common';
import { SERVICE_CONFIG } from '@bekasi/platform';
import type { IntakeConfig } from '../intake.config';

export interface LaporApiPage {
  items: unknown[];
  /** Cursor to ask for next; the same cursor again when nothing new arrived. */
  nextCursor: string | null;
  hasMore: boolean;
  /** Reports still waiting after this page, when the API says. */
  remaining: number | null;
}

export class LaporApiError extends Error {
  constructor(message: string, readonly reason: 'timeout' | 'http' | 'network' | 'invalid') {
    super(message);
    this.name = 'LaporApiError';
  }
}

/** Talks to the LAPOR! integration API (or lapor-sim): one page of reports after a cursor. */
@Injectable()
export class LaporApiClient {
  constructor(@Inject(SERVICE_CONFIG) private readonly config: IntakeConfig) {}

  get enabled(): boolean {
    return Boolean(this.config.LAPOR_API_BASE_URL);
  }

  async fetchPage(cursor: string | null, limit: number): Promise<LaporApiPage> {
    const url = new URL(this.config.LAPOR_API_REPORTS_PATH, this.config.LAPOR_API_BASE_URL);
    if (cursor !== null) url.searchParams.set('cursor', cursor);
    url.searchParams.set('limit', String(limit));
    let response: Response;
    try {
      response = await fetch(url, {
        headers: { accept: 'application/json', ...(this.config.LAPOR_API_TOKEN ? { authorization: `Bearer ${this.config.LAPOR_API_TOKEN}` } : {}) },
        signal: AbortSignal.timeout(this.config.LAPOR_POLL_TIMEOUT_MS),
      });
    } catch (err) {
      const name = (err as Error).name;
      if (name === 'TimeoutError' || name === 'AbortError') throw new LaporApiError(`no answer within ${this.config.LAPOR_POLL_TIMEOUT_MS} ms`, 'timeout');
      throw new LaporApiError(`cannot reach the LAPOR! API: ${(err as Error).message}`, 'network');
    }
    let body: any;
    try {
      body = await response.json();
    } catch (err) {
      const name = (err as Error).name;
      if (name === 'TimeoutError' || name === 'AbortError') throw new LaporApiError('answer body too slow', 'timeout');
      throw new LaporApiError(`answer is not JSON (HTTP ${response.status})`, response.ok ? 'invalid' : 'http');
    }
    if (!response.ok) throw new LaporApiError(`HTTP ${response.status}`, 'http');
    if (!body || !Array.isArray(body.items)) throw new LaporApiError('answer has no items array', 'invalid');
    const next = body.next_cursor ?? body.nextCursor ?? null;
    return {
      items: body.items,
      nextCursor: next === null ? null : String(next),
      hasMore: Boolean(body.has_more ?? body.hasMore),
      remaining: typeof body.remaining === 'number' ? body.remaining : null,
    };
  }
}
