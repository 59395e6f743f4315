import { randomUUID } from 'node:crypto';
import { BadRequestException, ConflictException, ForbiddenException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthPrincipal } from '@bekasi/auth';
import { CLOCK, type Clock } from '@bekasi/clock';
import { checkProgress, instructionTally, mayReport, standingOf, type Instruction } from '@bekasi/ikp-domain';
import { schemaOfManager } from '@bekasi/messaging';
import { UNITS } from '@bekasi/reference-data';

interface InstructionRow extends Instruction {
  id: string;
  unitCode: string;
  title: string;
  description: string;
  target: string;
  progress: number;
  issuedBy: string;
  issuedAt: Date;
}

const COLUMNS = `id, unit_code AS "unitCode", title, description, target, due_at AS "dueAt", state, progress, issued_by AS "issuedBy",
  issued_at AS "issuedAt", completed_at AS "completedAt"`;

const invalid = (field: string, reason: string) =>
  new BadRequestException({ statusCode: 400, error: 'Bad Request', message: 'Data tidak valid', errors: [{ field, reasons: [reason] }] });

/** Instruksi Khusus Pimpinan: issued by the leadership to a unit, reported on by the unit. */
@Injectable()
export class InstructionsService {
  constructor(private readonly dataSource: DataSource, @Inject(CLOCK) private readonly clock: Clock) {}

  private get s(): string {
    return schemaOfManager(this.dataSource.manager);
  }

  async issue(input: { unitCode: string; title: string; description: string; target: string; dueAt: string }, by: AuthPrincipal) {
    if (!UNITS.some((u) => u.code === input.unitCode)) throw invalid('unitCode', 'unitCode tidak dikenal');
    const now = this.clock.now();
    if (new Date(input.dueAt).getTime() <= now.getTime()) throw invalid('dueAt', 'batas waktu harus di masa depan');
    const id = randomUUID();
    await this.dataSource.query(
      `INSERT INTO "${this.s}"."instructions" (id, unit_code, title, description, target, due_at, state, issued_by, issued_at) VALUES ($1, $2, $3, $4, $5, $6, 'active', $7, $8)`,
      [id, input.unitCode, input.title, input.description, input.target, input.dueAt, by.username, now],
    );
    return this.one(id);
  }

  async list(filter: { unitCode?: string; state?: string }) {
    const params: unknown[] = [];
    const where = ['TRUE'];
    if (filter.unitCode) where.push(`unit_code = $${params.push(filter.unitCode)}`);
    if (filter.state) where.push(`state = $${params.push(filter.state)}`);
    const rows: InstructionRow[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM "${this.s}"."instructions" WHERE ${where.join(' AND ')} ORDER BY due_at, seq LIMIT 500`, params);
    const now = this.clock.now();
    return { items: rows.map((r) => ({ ...r, standing: standingOf(r, now) })) };
  }

  async one(id: string) {
    const [row]: InstructionRow[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM "${this.s}"."instructions" WHERE id = $1`, [id]);
    if (!row) throw new NotFoundException({ statusCode: 404, error: 'NOT_FOUND', message: 'Instruksi tidak ditemukan.' });
    const updates = await this.dataSource.query(`SELECT kind, progress, note, "by", at FROM "${this.s}"."instruction_updates" WHERE instruction_id = $1 ORDER BY seq`, [id]);
    return { ...row, standing: standingOf(row, this.clock.now()), updates };
  }

  /** The unit reports progress or completion (progress 100); the leadership may cancel. */
  async report(id: string, kind: 'progress' | 'done' | 'cancelled', progress: number | undefined, note: string, by: AuthPrincipal) {
    await this.dataSource.transaction(async (tx) => {
      const s = schemaOfManager(tx);
      const [row]: InstructionRow[] = await tx.query(`SELECT ${COLUMNS} FROM "${s}"."instructions" WHERE id = $1 FOR UPDATE`, [id]);
      if (!row) throw new NotFoundException({ statusCode: 404, error: 'NOT_FOUND', message: 'Instruksi tidak ditemukan.' });
      if (!mayReport(kind, by, row.unitCode)) {
        throw new ForbiddenException({
          statusCode: 403,
          error: 'FORBIDDEN',
          message: kind === 'cancelled' ? 'Hanya pimpinan yang dapat membatalkan instruksi.' : 'Hanya perangkat daerah yang diberi instruksi yang dapat melaporkannya.',
        });
      }
      if (row.state !== 'active') throw new ConflictException({ statusCode: 409, error: 'NOT_ACTIVE', message: 'Instruksi ini sudah selesai atau dibatalkan.' });
      const next = kind === 'done' ? 100 : kind === 'cancelled' ? row.progress : (progress ?? row.progress);
      const problem = kind === 'progress' ? checkProgress(row.progress, next, note) : null;
      if (problem) throw invalid('progress', problem);
      const now = this.clock.now();
      await tx.query(`UPDATE "${s}"."instructions" SET progress = $2, state = $3, completed_at = $4 WHERE id = $1`, [id, next, kind === 'progress' ? 'active' : kind, kind === 'done' ? now : null]);
      await tx.query(`INSERT INTO "${s}"."instruction_updates" (id, instruction_id, kind, progress, note, "by", at) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
        randomUUID(), id, kind, next, note, by.username, now,
      ]);
    });
    return this.one(id);
  }

  /** Per unit, the instructions due in `period` (YYYY-MM, Asia/Jakarta) whose outcome is known. */
  async tallies(period: string, db: EntityManager = this.dataSource.manager): Promise<Map<string, { due: number; doneOnTime: number }>> {
    const rows: InstructionRow[] = await db.query(
      `SELECT ${COLUMNS} FROM "${schemaOfManager(db)}"."instructions" WHERE to_char(due_at AT TIME ZONE 'Asia/Jakarta', 'YYYY-MM') = $1`,
      [period],
    );
    const byUnit = new Map<string, InstructionRow[]>();
    for (const r of rows) byUnit.set(r.unitCode, [...(byUnit.get(r.unitCode) ?? []), r]);
    const now = this.clock.now();
    return new Map([...byUnit].map(([unit, list]) => [unit, instructionTally(list, now)]));
  }
}
