import { BadRequestException, ConflictException, Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DEFAULT_SLA_POLICY_BOOK, SlaPolicyBook, slaPolicyVersion, WorkingDayCalendar, type SlaPolicy, type SlaPolicyVersion } from '@bekasi/calendar';
import { CLOCK, type Clock } from '@bekasi/clock';
import { schemaOfManager } from '@bekasi/messaging';
import { SERVICE_CONFIG } from '@bekasi/platform';
import { ESCALATION_LADDER_DEFAULT } from '@bekasi/reference-data';
import { reminderRulesOf, type ReminderRule, type SlaContext } from '@bekasi/sla-domain';
import type { SlaConfig } from '../sla.config';

// Other replicas learn of a version published elsewhere within this time; versions take effect in the
// future (see publish), so no ticket starts under a version a replica has not seen yet.
const BOOK_TTL_MS = 5_000;
const MIN_LEAD_MS = 60_000;

/** The policy versions, the working-day calendar and the reminder rules the clocks are computed with. */
@Injectable()
export class SlaPolicyContext {
  readonly reminders: readonly ReminderRule[] = reminderRulesOf(ESCALATION_LADDER_DEFAULT);
  private readonly calendars = new Map<string, WorkingDayCalendar>();
  private cached: { book: SlaPolicyBook; at: number } | null = null;

  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: SlaConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly dataSource: DataSource,
  ) {}

  /** The shipped default and every version the admin published. */
  async book(db: EntityManager = this.dataSource.manager): Promise<SlaPolicyBook> {
    if (this.cached && Date.now() - this.cached.at < BOOK_TTL_MS) return this.cached.book;
    const rows: Array<{ version: string; effective_from: Date; policy: SlaPolicy }> = await db.query(
      `SELECT version, effective_from, policy FROM "${schemaOfManager(db)}"."policy_versions" ORDER BY effective_from`,
    );
    const book = rows.reduce((b, r) => b.withVersion(slaPolicyVersion(r.version, new Date(r.effective_from), r.policy)), DEFAULT_SLA_POLICY_BOOK);
    this.cached = { book, at: Date.now() };
    return book;
  }

  /** A ticket keeps the policy version in force when it was received, even after a newer one starts. */
  async policyFor(db: EntityManager, receivedAt: Date, storedVersion?: string): Promise<SlaPolicyVersion> {
    const book = await this.book(db);
    return (storedVersion && book.byVersion(storedVersion)) || book.inForceAt(receivedAt);
  }

  /** Publishes a new version for tickets received from `effectiveFrom` on; it can only start in the future. */
  async publish(version: string, effectiveFrom: Date, policy: SlaPolicy, by: string): Promise<SlaPolicyVersion> {
    let checked: SlaPolicyVersion;
    try {
      checked = slaPolicyVersion(version, effectiveFrom, policy);
    } catch (err) {
      throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: 'Data tidak valid', errors: [{ field: 'policy', reasons: [(err as Error).message] }] });
    }
    if (effectiveFrom.getTime() < this.clock.now().getTime() + MIN_LEAD_MS) {
      throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: 'Data tidak valid', errors: [{ field: 'effectiveFrom', reasons: ['kebijakan baru hanya berlaku ke depan (paling cepat satu menit dari sekarang)'] }] });
    }
    const book = await this.book();
    if (book.byVersion(version) || book.versions.some((v) => v.effectiveFrom.getTime() === effectiveFrom.getTime())) {
      throw new ConflictException({ statusCode: 409, error: 'VERSION_EXISTS', message: 'Versi kebijakan atau waktu berlakunya sudah ada.' });
    }
    await this.dataSource.query(
      `INSERT INTO "${schemaOfManager(this.dataSource.manager)}"."policy_versions" (version, effective_from, policy, created_by, created_at) VALUES ($1, $2, $3, $4, $5)`,
      [version, effectiveFrom, JSON.stringify(policy), by, this.clock.now()],
    );
    this.cached = null;
    return checked;
  }

  contextOf(policy: SlaPolicyVersion): SlaContext {
    let calendar = this.calendars.get(policy.version);
    if (!calendar) {
      calendar = policy.workingDays ? WorkingDayCalendar.fromSettings(policy.workingDays) : new WorkingDayCalendar();
      this.calendars.set(policy.version, calendar);
    }
    return { policy, calendar, adminUnitCode: this.config.SLA_ADMIN_UNIT_CODE };
  }
}
