import { BadRequestException, ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { CLOCK, type Clock } from '@bekasi/clock';
import { KECAMATAN } from '@bekasi/reference-data';
import { currentUnitCode, mergeProblems, unitRedirectsOf } from '@bekasi/routing-domain';
import { UnitChangeRow, UnitRow } from '../persistence/routing.entities';
import type { CreateUnitRequest, MergeUnitRequest, RenameUnitRequest } from './units.request.dto';

export interface UnitView {
  code: string;
  name: string;
  abbr: string;
  kind: string;
  asda: string;
  kecamatan: string | null;
  topics: string[];
  active: boolean;
  replacedBy: string | null;
  /** Learnt from a history label with a guessed kind: confirm it by renaming or merging it. */
  provisional: boolean;
  /** Where complaints for this code go today (itself when active). */
  currentCode: string | null;
}

/**
 * The units registry. Units are never deleted: a merged or renamed unit stays, inactive, pointing
 * to its successor, so the decisions that name it stay readable and routing maps its code.
 */
@Injectable()
export class UnitsService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async list(): Promise<UnitView[]> {
    const rows = await this.dataSource.getRepository(UnitRow).find({ order: { code: 'ASC' } });
    const redirects = unitRedirectsOf(rows);
    return rows.map((r) => this.viewOf(r, redirects));
  }

  async get(code: string) {
    const rows = await this.dataSource.getRepository(UnitRow).find();
    const row = rows.find((r) => r.code === code);
    if (!row) throw new NotFoundException(`Unit ${code} tidak ditemukan`);
    const changes = await this.dataSource.getRepository(UnitChangeRow).find({ where: { unitCode: code }, order: { id: 'ASC' } });
    return {
      ...this.viewOf(row, unitRedirectsOf(rows)),
      changes: changes.map((c) => ({ change: c.change, detail: c.detail, at: c.at.toISOString() })),
    };
  }

  async create(input: CreateUnitRequest): Promise<UnitView> {
    return this.dataSource.transaction(async (tx) => {
      if (await tx.getRepository(UnitRow).existsBy({ code: input.code })) throw new ConflictException(`Unit ${input.code} sudah ada`);
      if (input.kind === 'kecamatan' && !KECAMATAN.some((k) => k.code === input.kecamatan)) {
        throw new BadRequestException('Unit kecamatan harus menyebut kode kecamatan yang dikenal');
      }
      const row = tx.getRepository(UnitRow).create({
        code: input.code,
        name: input.name.trim(),
        abbr: input.abbr.trim(),
        kind: input.kind,
        asda: input.asda,
        kecamatan: input.kecamatan ?? null,
        topics: input.topics ?? [],
        active: true,
        replacedBy: null,
        provisional: false,
        updatedAt: this.clock.now(),
      });
      await tx.getRepository(UnitRow).insert(row);
      await this.note(tx, row.code, 'created', { name: row.name, abbr: row.abbr });
      return this.viewOf(row, new Map());
    });
  }

  async rename(code: string, input: RenameUnitRequest): Promise<UnitView> {
    return this.dataSource.transaction(async (tx) => {
      const row = await this.locked(tx, code);
      if (!row.active) throw new ConflictException(`Unit ${code} sudah tidak aktif`);
      const before = { name: row.name, abbr: row.abbr };
      row.name = input.name.trim();
      row.abbr = input.abbr?.trim() ?? row.abbr;
      // Naming a learnt unit is the admin confirming it.
      row.provisional = false;
      row.updatedAt = this.clock.now();
      await tx.getRepository(UnitRow).save(row);
      await this.note(tx, code, 'renamed', { before, after: { name: row.name, abbr: row.abbr } });
      return this.viewOf(row, new Map());
    });
  }

  /** `code` stops receiving complaints; `into` takes over its work and its topics. */
  async merge(code: string, input: MergeUnitRequest): Promise<UnitView> {
    return this.dataSource.transaction(async (tx) => {
      const all = await tx.getRepository(UnitRow).find({ lock: { mode: 'pessimistic_write' } });
      const from = all.find((u) => u.code === code);
      if (!from) throw new NotFoundException(`Unit ${code} tidak ditemukan`);
      const into = all.find((u) => u.code === input.into);
      const problems = mergeProblems(from, into, all);
      if (problems.length > 0) throw new BadRequestException(problems.join(' '));
      const now = this.clock.now();
      into!.topics = [...new Set([...into!.topics, ...from.topics])];
      into!.updatedAt = now;
      from.active = false;
      from.replacedBy = into!.code;
      from.updatedAt = now;
      await tx.getRepository(UnitRow).save([into!, from]);
      await this.note(tx, code, 'merged', { into: into!.code });
      await this.note(tx, into!.code, 'absorbed', { from: code });
      return this.viewOf(from, unitRedirectsOf(all));
    });
  }

  async deactivate(code: string): Promise<UnitView> {
    return this.dataSource.transaction(async (tx) => {
      const row = await this.locked(tx, code);
      if (!row.active) throw new ConflictException(`Unit ${code} sudah tidak aktif`);
      row.active = false;
      row.updatedAt = this.clock.now();
      await tx.getRepository(UnitRow).save(row);
      await this.note(tx, code, 'deactivated', {});
      return this.viewOf(row, new Map([[code, null]]));
    });
  }

  private async locked(tx: EntityManager, code: string): Promise<UnitRow> {
    const row = await tx.getRepository(UnitRow).findOne({ where: { code }, lock: { mode: 'pessimistic_write' } });
    if (!row) throw new NotFoundException(`Unit ${code} tidak ditemukan`);
    return row;
  }

  private async note(tx: EntityManager, unitCode: string, change: string, detail: Record<string, unknown>) {
    await tx.getRepository(UnitChangeRow).save(tx.getRepository(UnitChangeRow).create({ unitCode, change, detail, at: this.clock.now() }));
  }

  private viewOf(row: UnitRow, redirects: ReadonlyMap<string, string | null>): UnitView {
    return {
      code: row.code,
      name: row.name,
      abbr: row.abbr,
      kind: row.kind,
      asda: row.asda,
      kecamatan: row.kecamatan,
      topics: row.topics,
      active: row.active,
      replacedBy: row.replacedBy,
      provisional: row.provisional,
      currentCode: currentUnitCode(row.code, redirects),
    };
  }
}
