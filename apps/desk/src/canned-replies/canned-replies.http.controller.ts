import { randomUUID } from 'node:crypto';
import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { DataSource } from 'typeorm';
import { CurrentUser, Roles, scopeIncludes, type AuthPrincipal, type UnitScope } from '@bekasi/auth';
import { schemaOfManager } from '@bekasi/messaging';
import { DeskRefusal } from '../tickets/desk-refusal';
import { TicketWorkflow } from '../tickets/ticket-workflow.service';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CannedReplyDto {
  @ApiPropertyOptional({ description: "The unit's code; an officer's or unit head's own unit when omitted" })
  @IsOptional() @Transform(trimmed) @Matches(/^[A-Z0-9_]{2,64}$/, { message: 'unitCode harus kode unit, mis. DINSOS' })
  unitCode?: string;

  @ApiPropertyOptional({ description: 'Kategori LAPOR! the template is for; any category when omitted' })
  @IsOptional() @Transform(trimmed) @IsString() @MaxLength(200)
  category?: string;

  @ApiProperty() @Transform(trimmed) @IsString() @MinLength(3, { message: 'title minimal 3 karakter' }) @MaxLength(200)
  title!: string;

  @ApiProperty({ description: 'Template text; the officer edits it before sending' }) @Transform(trimmed) @IsString() @MinLength(10, { message: 'body minimal 10 karakter' }) @MaxLength(10_000)
  body!: string;
}

export class CannedQueryDto {
  @IsOptional() @Transform(trimmed) @IsString() @MaxLength(200) category?: string;
  @IsOptional() @Transform(trimmed) @Matches(/^[A-Z0-9_]{2,64}$/) unitCode?: string;
}

interface CannedReplyView {
  id: string;
  unitCode: string;
  category: string | null;
  title: string;
  body: string;
  updatedAt: string;
}

const viewOf = (r: any): CannedReplyView => ({
  id: r.id, unitCode: r.unit_code, category: r.category, title: r.title, body: r.body, updatedAt: new Date(r.updated_at).toISOString(),
});

/**
 * Canned replies: each unit's template answers, per category, that an officer starts a tindak
 * lanjut from. Officers read their unit's, unit heads keep them, the admin keeps every unit's.
 */
@ApiTags('canned replies')
@ApiBearerAuth()
@Controller('api/v1/canned-replies')
export class CannedRepliesHttpController {
  constructor(private readonly dataSource: DataSource, private readonly workflow: TicketWorkflow) {}

  private get s() {
    return schemaOfManager(this.dataSource.manager);
  }

  @Get() @Roles('officer', 'unit_head', 'admin')
  @ApiOperation({ summary: "The caller's unit's canned replies (for a category: its own and the general ones)" })
  async list(@CurrentUser() user: AuthPrincipal, @Query() query: CannedQueryDto) {
    const scope = (await this.workflow.callerOf(user)).scope;
    const params: unknown[] = [];
    const where: string[] = [];
    if (!scope.allUnits) where.push(`"unit_code" = ANY($${params.push([...scope.unitCodes])}::text[])`);
    if (query.unitCode) where.push(`"unit_code" = $${params.push(query.unitCode)}`);
    if (query.category) where.push(`("category" IS NULL OR lower("category") = lower($${params.push(query.category)}))`);
    const rows = await this.dataSource.query(
      `SELECT * FROM "${this.s}"."canned_replies" ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY "unit_code", "category" NULLS LAST, "title" LIMIT 500`,
      params,
    );
    return { items: rows.map(viewOf) };
  }

  @Post() @HttpCode(201) @Roles('unit_head', 'admin')
  @ApiOperation({ summary: 'Add a canned reply for a unit' })
  async create(@CurrentUser() user: AuthPrincipal, @Body() body: CannedReplyDto) {
    const unitCode = await this.writableUnit(user, body.unitCode);
    const [row] = await this.dataSource.query(
      `INSERT INTO "${this.s}"."canned_replies" ("id","unit_code","category","title","body","updated_by") VALUES ($1,$2,$3,$4,$5,$6) RETURNING *`,
      [randomUUID(), unitCode, body.category || null, body.title, body.body, user.userId],
    );
    return viewOf(row);
  }

  @Put(':id') @Roles('unit_head', 'admin')
  @ApiOperation({ summary: 'Change a canned reply' })
  async update(@CurrentUser() user: AuthPrincipal, @Param('id', new ParseUUIDPipe({ exceptionFactory: () => notFound() })) id: string, @Body() body: CannedReplyDto) {
    const existing = await this.ownedOrNotFound(user, id);
    const unitCode = body.unitCode ? await this.writableUnit(user, body.unitCode) : existing.unit_code;
    const [rows] = await this.dataSource.query(
      `UPDATE "${this.s}"."canned_replies" SET "unit_code"=$2, "category"=$3, "title"=$4, "body"=$5, "updated_by"=$6, "updated_at"=now() WHERE "id"=$1 RETURNING *`,
      [id, unitCode, body.category || null, body.title, body.body, user.userId],
    );
    return viewOf(rows[0]);
  }

  @Delete(':id') @HttpCode(204) @Roles('unit_head', 'admin')
  async remove(@CurrentUser() user: AuthPrincipal, @Param('id', new ParseUUIDPipe({ exceptionFactory: () => notFound() })) id: string) {
    await this.ownedOrNotFound(user, id);
    await this.dataSource.query(`DELETE FROM "${this.s}"."canned_replies" WHERE "id" = $1`, [id]);
  }

  private async scopeOf(user: AuthPrincipal): Promise<UnitScope> {
    return (await this.workflow.callerOf(user)).scope;
  }

  /** The admin names any unit; a unit head writes only for their own unit. */
  private async writableUnit(user: AuthPrincipal, requested: string | undefined): Promise<string> {
    const scope = await this.scopeOf(user);
    const unitCode = requested ?? (!scope.allUnits && scope.unitCodes.length === 1 ? scope.unitCodes[0] : undefined);
    if (!unitCode) throw new DeskRefusal(400, 'UNIT_REQUIRED', 'unitCode wajib diisi.', { field: 'unitCode' });
    if (!scopeIncludes(scope, unitCode)) throw new DeskRefusal(403, 'NOT_YOUR_UNIT', 'Templat hanya dapat diubah untuk unit Anda sendiri.');
    return unitCode;
  }

  private async ownedOrNotFound(user: AuthPrincipal, id: string): Promise<{ unit_code: string }> {
    const [row] = await this.dataSource.query(`SELECT * FROM "${this.s}"."canned_replies" WHERE "id" = $1`, [id]);
    if (!row || !scopeIncludes(await this.scopeOf(user), row.unit_code)) throw notFound();
    return row;
  }
}

const notFound = () => new DeskRefusal(404, 'CANNED_REPLY_NOT_FOUND', 'Templat jawaban tidak ditemukan.');
