// First start: the units registry, the rules and the extra gazetteer places begin as the reference
// data of Kabupaten Bekasi. From then on they are the admin's: later releases of the reference data
// do not overwrite what an admin changed.
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@bekasi/messaging';
import { UNITS } from '@bekasi/reference-data';
import { DEFAULT_DESA_PLACES, placeSlug } from '@bekasi/indonesian-text';
import { defaultRulesFromReference } from '@bekasi/routing-domain';

export class SeedReferenceData1764000000001 implements MigrationInterface {
  name = 'SeedReferenceData1764000000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    for (const unit of UNITS) {
      await queryRunner.query(
        `INSERT INTO "${s}"."units" ("code", "name", "abbr", "kind", "asda", "kecamatan", "topics", "active", "replaced_by", "updated_at")
         VALUES ($1, $2, $3, $4, $5, $6, $7, true, NULL, now()) ON CONFLICT DO NOTHING`,
        [unit.code, unit.name, unit.abbr, unit.kind, unit.asda, unit.kecamatan ?? null, JSON.stringify(unit.topics)],
      );
      await queryRunner.query(`INSERT INTO "${s}"."unit_changes" ("unit_code", "change", "detail", "at") VALUES ($1, 'created', $2, now())`, [
        unit.code,
        JSON.stringify({ source: 'reference-data' }),
      ]);
    }
    for (const rule of defaultRulesFromReference()) {
      await queryRunner.query(
        `INSERT INTO "${s}"."routing_rules" ("id", "version", "kind", "patterns", "unit_code", "priority", "active", "note", "created_at")
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'reference-data', now()) ON CONFLICT DO NOTHING`,
        [rule.id, rule.version, rule.kind, JSON.stringify(rule.patterns), rule.unitCode, rule.priority, rule.active],
      );
    }
    for (const place of DEFAULT_DESA_PLACES) {
      await queryRunner.query(
        `INSERT INTO "${s}"."places" ("kind", "code", "name", "kecamatan_code", "aliases", "requires_qualifier")
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
        [place.kind, place.code ?? placeSlug(place.name), place.name, place.kecamatanCode, JSON.stringify(place.aliases ?? []), !!place.requiresQualifier],
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    for (const table of ['places', 'routing_rules', 'unit_changes', 'units']) await queryRunner.query(`DELETE FROM "${s}"."${table}"`);
  }
}
