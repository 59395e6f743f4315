// Units learnt from history labels: a label that names a registry unit maps to it; one that names
// none becomes a provisional unit (kind guessed) that the admin confirms, renames or merges in the
// units registry. Creating it in the importing transaction keeps every labelled complaint.
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CLOCK, type Clock } from '@bekasi/clock';
import { schemaOfManager } from '@bekasi/messaging';
import { KECAMATAN } from '@bekasi/reference-data';
import { learnUnitsFromLabels } from '@bekasi/routing-domain';
import type { RoutingKnowledgeSnapshot } from '../knowledge/routing-knowledge';

@Injectable()
export class LearntUnits {
  constructor(@Inject(CLOCK) private readonly clock: Clock) {}

  /**
   * The unit each label names (by its trimmed text), creating provisional units for those that name
   * none; a blank label has no entry. All the labels of a batch are learnt together, so two
   * spellings of one new unit become one unit, as they would one after the other.
   */
  async unitsForLabels(tx: EntityManager, labels: readonly string[], knowledge: RoutingKnowledgeSnapshot): Promise<Map<string, string>> {
    const codes = new Map<string, string>();
    const unknown: string[] = [];
    for (const raw of labels) {
      const label = raw.trim();
      if (codes.has(label)) continue;
      const known = knowledge.unitMatcher.match(label);
      if (known) codes.set(label, known);
      else unknown.push(label);
    }
    if (unknown.length === 0) return codes;
    const learnt = learnUnitsFromLabels(unknown, knowledge.units, KECAMATAN);
    for (const [label, code] of learnt.codeOfLabel) codes.set(label, code);
    if (learnt.created.length === 0) return codes;
    const now = this.clock.now();
    const s = schemaOfManager(tx);
    const units = learnt.created;
    await tx.query(
      `INSERT INTO "${s}"."units" ("code", "name", "abbr", "kind", "asda", "kecamatan", "topics", "active", "replaced_by", "provisional", "updated_at")
       SELECT u.code, u.name, u.abbr, u.kind, u.asda, u.kecamatan, '[]'::jsonb, TRUE, NULL, TRUE, $7
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) AS u(code, name, abbr, kind, asda, kecamatan)
       ON CONFLICT DO NOTHING`,
      [
        units.map((u) => u.code),
        units.map((u) => u.name),
        units.map((u) => u.abbr),
        units.map((u) => u.kind),
        units.map((u) => u.asda),
        // A kecamatan the reference data does not know stays unattached until the admin sets it.
        units.map((u) => (u.kecamatan && KECAMATAN.some((k) => k.code === u.kecamatan) ? u.kecamatan : null)),
        now,
      ],
    );
    // The label that made each unit (its other spellings joined it).
    const creators = learnt.outcomes.flatMap((o) => (o.outcome === 'created' && !o.sameAs ? [o] : []));
    await tx.query(
      `INSERT INTO "${s}"."unit_changes" ("unit_code", "change", "detail", "at")
       SELECT u.code, 'created', u.detail, $3 FROM unnest($1::text[], $2::jsonb[]) WITH ORDINALITY AS u(code, detail, n) ORDER BY u.n`,
      [creators.map((o) => o.unitCode), creators.map((o) => JSON.stringify({ source: 'history-label', label: o.label, kind: o.kind })), now],
    );
    return codes;
  }
}
