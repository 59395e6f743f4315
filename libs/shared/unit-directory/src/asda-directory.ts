import { Inject, Injectable, Optional, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AsdaDirectory as ScopeAsdaDirectory, AsdaGroupCode } from '@bekasi/auth';
import { schemaOfManager } from '@bekasi/messaging';
import { LOGGER, type AppLogger } from '@bekasi/platform';
import { UNITS } from '@bekasi/reference-data';

/**
 * Another replica of the service may have applied a regrouping (one consumer of the group gets the
 * `units` partition): each instance also re-reads its table this often.
 */
export const UNIT_GROUPS_REFRESH_MS = 5_000;

export interface UnitGroupRow {
  unitCode: string;
  asdaGroup: AsdaGroupCode;
}

/**
 * The Asda group of each unit as this service knows it: its own `unit_groups` table (seeded from the
 * reference data, moved by `unit.regrouped`), held in memory so lookups stay synchronous. Read at
 * every use and never copied onto a row, so a regrouped unit's data moves to the new Asda at once.
 */
@Injectable()
export class AsdaDirectory implements ScopeAsdaDirectory, OnModuleInit, OnModuleDestroy {
  private groups = new Map<string, AsdaGroupCode>();
  private members = new Map<AsdaGroupCode, readonly string[]>();
  private timer?: NodeJS.Timeout;
  private started = 0;
  private appliedStart = 0;

  constructor(
    private readonly dataSource: DataSource,
    @Optional() @Inject(LOGGER) private readonly logger?: AppLogger,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.open();
    this.timer = setInterval(() => this.reload().catch((err) => this.logger?.warn({ err }, 'unit groups: reload failed')), UNIT_GROUPS_REFRESH_MS);
    this.timer.unref();
  }

  /** Seeds the units this service has no row for and reads the table (a command-line tool stops here). */
  async open(): Promise<this> {
    await seedUnitGroups(this.dataSource.manager);
    await this.reload();
    return this;
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  groupOf(unitCode: string): AsdaGroupCode | null {
    return this.groups.get(unitCode) ?? null;
  }

  unitsOfAsda(group: AsdaGroupCode | string): readonly string[] {
    return this.members.get(group as AsdaGroupCode) ?? [];
  }

  /** Re-reads the table; a read that started before a newer one finished is dropped, never applied over it. */
  async reload(): Promise<void> {
    const start = ++this.started;
    const rows = await readUnitGroups(this.dataSource.manager);
    if (start < this.appliedStart) return;
    this.appliedStart = start;
    this.replace(rows);
  }

  private replace(rows: readonly UnitGroupRow[]): void {
    const groups = new Map<string, AsdaGroupCode>();
    const members = new Map<AsdaGroupCode, string[]>();
    for (const r of rows) {
      groups.set(r.unitCode, r.asdaGroup);
      members.set(r.asdaGroup, [...(members.get(r.asdaGroup) ?? []), r.unitCode]);
    }
    this.groups = groups;
    this.members = members;
  }
}

/** Units of the reference data this service has no row for yet get their published group (a unit already regrouped keeps its row). */
export async function seedUnitGroups(db: EntityManager): Promise<void> {
  await db.query(
    `INSERT INTO "${schemaOfManager(db)}"."unit_groups" ("unit_code","asda_group","changed_at","changed_by","event_id")
     SELECT u, g, 'epoch', NULL, '' FROM unnest($1::text[], $2::text[]) AS r(u, g) ON CONFLICT ("unit_code") DO NOTHING`,
    [UNITS.map((u) => u.code), UNITS.map((u) => u.asda)],
  );
}

async function readUnitGroups(db: EntityManager): Promise<UnitGroupRow[]> {
  const rows: Array<{ unit_code: string; asda_group: AsdaGroupCode }> = await db.query(
    `SELECT "unit_code", "asda_group" FROM "${schemaOfManager(db)}"."unit_groups" ORDER BY "unit_code"`,
  );
  return rows.map((r) => ({ unitCode: r.unit_code, asdaGroup: r.asda_group }));
}
