// Units learnt from history labels: a label that names a registry unit maps to it; one that names
// none becomes a provisional unit (kind guessed) that the admin confirms, renames or merges in the
// units registry. Creating it in the importing transaction keeps every labelled complaint.
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CLOCK, type Clock } from '@bekasi/clock';
import { KECAMATAN } from '@bekasi/reference-data';
import { learnUnitsFromLabels } from '@bekasi/routing-domain';
import type { RoutingKnowledgeSnapshot } from '../knowledge/routing-knowledge';
import { UnitChangeRow, UnitRow } from '../persistence/routing.entities';

@Injectable()
export class LearntUnits {
  constructor(@Inject(CLOCK) private readonly clock: Clock) {}

  /** The unit a label names, creating a provisional one when it names none; null for a blank label. */
  async unitForLabel(tx: EntityManager, label: string, knowledge: RoutingKnowledgeSnapshot): Promise<{ unitCode: string; created: boolean } | null> {
    const known = knowledge.unitMatcher.match(label);
    if (known) return { unitCode: known, created: false };
    const learnt = learnUnitsFromLabels([label], knowledge.units, KECAMATAN);
    const outcome = learnt.outcomes[0];
    if (!outcome || outcome.outcome === 'ignored') return null;
    if (outcome.outcome === 'matched') return { unitCode: outcome.unitCode, created: false };
    const unit = learnt.created[0];
    const now = this.clock.now();
    await tx
      .createQueryBuilder()
      .insert()
      .into(UnitRow)
      .values({
        code: unit.code,
        name: unit.name,
        abbr: unit.abbr,
        kind: unit.kind,
        asda: unit.asda,
        // A kecamatan the reference data does not know stays unattached until the admin sets it.
        kecamatan: unit.kecamatan && KECAMATAN.some((k) => k.code === unit.kecamatan) ? unit.kecamatan : null,
        topics: [],
        active: true,
        replacedBy: null,
        provisional: true,
        updatedAt: now,
      })
      .orIgnore()
      .execute();
    await tx.getRepository(UnitChangeRow).insert({ unitCode: unit.code, change: 'created', detail: { source: 'history-label', label, kind: unit.kind }, at: now });
    return { unitCode: unit.code, created: true };
  }
}
