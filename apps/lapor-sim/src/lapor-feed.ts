import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { SyntheticLaporFeed, seededRandom, type LaporApiReport } from '@bekasi/intake-domain';
import { LaporSimConfig } from './lapor-sim.config';

export const LAPOR_SIM_CONFIG = Symbol('LAPOR_SIM_CONFIG');

export interface FaultSettings {
  duplicateRate: number;
  malformedRate: number;
  slowRate: number;
  slowMs: number;
  errorRate: number;
}

export interface ReportsPage {
  items: unknown[];
  next_cursor: string;
  has_more: boolean;
  remaining: number;
}

export type PageAnswer = { status: 200; slowMs: number; page: ReportsPage } | { status: 503; slowMs: number };

// The ways a real feed was seen to break: a record without its id, a date in words, an empty
// text, a flag that is neither true nor false.
const MALFORMATIONS: ((report: Record<string, unknown>) => void)[] = [
  (r) => delete r.tracking_id,
  (r) => (r.created_at = 'kemarin sore'),
  (r) => (r.content = ''),
  (r) => (r.is_secret = 'mungkin'),
];

/**
 * The simulator's feed: reports in arrival order, read by offset cursors. Which reports are
 * generated, which are malformed, and which requests fail, stall or repeat a record are all drawn
 * from seeded generators, so a run can be replayed.
 */
@Injectable()
export class LaporFeed implements OnApplicationBootstrap, OnApplicationShutdown {
  private reports: unknown[] = [];
  private readonly byTrackingId = new Map<string, unknown>();
  private generator!: SyntheticLaporFeed;
  private malformedRandom!: () => number;
  private requestRandom!: () => number;
  private seed!: number;
  private timer?: NodeJS.Timeout;
  private lastTick = Date.now();
  private owed = 0;
  private ratePerSecond: number;
  readonly faults: FaultSettings;
  requests = 0;

  constructor(@Inject(LAPOR_SIM_CONFIG) readonly config: LaporSimConfig) {
    this.faults = {
      duplicateRate: config.LAPOR_SIM_DUPLICATE_RATE,
      malformedRate: config.LAPOR_SIM_MALFORMED_RATE,
      slowRate: config.LAPOR_SIM_SLOW_RATE,
      slowMs: config.LAPOR_SIM_SLOW_MS,
      errorRate: config.LAPOR_SIM_ERROR_RATE,
    };
    this.ratePerSecond = config.LAPOR_SIM_RATE;
    this.reset(config.LAPOR_SIM_SEED, config.LAPOR_SIM_INITIAL_REPORTS);
  }

  onApplicationBootstrap() {
    this.timer = setInterval(() => this.tick(), 100);
    this.timer.unref();
  }

  onApplicationShutdown() {
    clearInterval(this.timer);
  }

  reset(seed: number, initialReports: number) {
    this.seed = seed;
    this.generator = new SyntheticLaporFeed(seed);
    this.malformedRandom = seededRandom(seed ^ 0x6d616c66);
    this.requestRandom = seededRandom(seed ^ 0x72657173);
    this.reports = [];
    this.byTrackingId.clear();
    this.requests = 0;
    this.generate(initialReports);
  }

  generate(count: number): number {
    for (let i = 0; i < count; i++) {
      const report = this.generator.next() as LaporApiReport & Record<string, unknown>;
      if (this.malformedRandom() < this.faults.malformedRate) MALFORMATIONS[Math.floor(this.malformedRandom() * MALFORMATIONS.length)](report);
      this.reports.push(report);
      if (typeof report.tracking_id === 'string') this.byTrackingId.set(report.tracking_id, report);
    }
    return this.reports.length;
  }

  /** The report with this tracking id, as served. */
  find(trackingId: string): unknown {
    return this.byTrackingId.get(trackingId);
  }

  setRate(perSecond: number) {
    this.ratePerSecond = perSecond;
    this.owed = 0;
    this.lastTick = Date.now();
  }

  private tick() {
    const now = Date.now();
    this.owed += ((now - this.lastTick) / 1000) * this.ratePerSecond;
    this.lastTick = now;
    const due = Math.floor(this.owed);
    if (due > 0) {
      this.owed -= due;
      this.generate(due);
    }
  }

  /** One page after `cursor`; may answer 503, stall, or add a record served before (as the real API was seen to). */
  page(cursor: string | undefined, limit: number): PageAnswer {
    this.requests++;
    const slowMs = this.requestRandom() < this.faults.slowRate ? this.faults.slowMs : 0;
    if (this.requestRandom() < this.faults.errorRate) return { status: 503, slowMs };
    const offset = Math.min(Number(cursor ?? 0), this.reports.length);
    const items = this.reports.slice(offset, offset + limit);
    const next = offset + items.length;
    if (offset > 0 && this.requestRandom() < this.faults.duplicateRate) {
      items.push(this.reports[Math.floor(this.requestRandom() * offset)]);
    }
    return { status: 200, slowMs, page: { items, next_cursor: String(next), has_more: next < this.reports.length, remaining: this.reports.length - next } };
  }

  state() {
    return { seed: this.seed, reports: this.reports.length, ratePerSecond: this.ratePerSecond, faults: { ...this.faults }, requests: this.requests };
  }
}
