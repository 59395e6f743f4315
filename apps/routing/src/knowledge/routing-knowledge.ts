// Everything a disposition needs from the database, kept in memory and rebuilt only when it
// changes: one single-row query per call compares the knowledge revision (bumped by every change
// to rules, units, places or models, in the changing transaction) with the one in memory, so every
// instance follows an admin's change at its next batch while the hot path builds nothing.
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { UnitReference } from '@bekasi/reference-data';
import { Gazetteer, UnitNameMatcher, matchableUnits, type PlaceInput } from '@bekasi/indonesian-text';
import { KECAMATAN } from '@bekasi/reference-data';
import {
  autoRoutePolicy,
  DispositionModel,
  manualOnlyUnitCodes,
  RuleEngine,
  unitRedirectsOf,
  type DecideDispositionInput,
  type RoutingRule,
  type RoutingRuleKind,
  type UnitRedirects,
  type ValidationFigures,
} from '@bekasi/routing-domain';
import { ModelVersionRow, PlaceRow, RoutingRuleRow, UnitRow } from '../persistence/routing.entities';

export interface RoutingKnowledgeSnapshot {
  rules: RoutingRule[];
  ruleEngine: RuleEngine;
  /** The highest rule revision: changes with every rule edit. */
  ruleSetVersion: number;
  units: UnitReference[];
  activeUnitCodes: Set<string>;
  unitRedirects: UnitRedirects;
  gazetteer: Gazetteer;
  /** The admin's extra places, as stored (the gazetteer adds the regency's reference places). */
  places: PlaceInput[];
  /** Labels of history and admin input → unit codes, over the units registry. */
  unitMatcher: UnitNameMatcher;
  /** Suggested, never routed automatically (the regency as a whole, the Sekretariat Daerah). */
  manualOnlyUnits: Set<string>;
  model: DispositionModel | null;
  modelVersion: number | null;
  /** The threshold the model's training chose on validation; null: nothing is auto-routed. */
  validatedThreshold: number | null;
  /** Units the training certified by their own validation record, each with its threshold (empty: none). */
  autoRouteUnits: ReadonlyMap<string, number>;
  thresholdReason: string;
  /** Weight of the rules in the decision, chosen on validation with the model. */
  ruleWeight: number;
}

/**
 * What every decision takes from the knowledge: production's dispositions and the admin's "test a
 * text" preview decide alike (thresholds as the domain's autoRoutePolicy says).
 */
export function decisionPolicy(
  knowledge: RoutingKnowledgeSnapshot,
  fixedThreshold: number | undefined,
): Pick<DecideDispositionInput, 'rules' | 'gazetteer' | 'model' | 'autoRouteThreshold' | 'autoRouteUnits' | 'units' | 'unitRedirects' | 'manualOnlyUnits' | 'weights'> {
  return {
    rules: knowledge.ruleEngine,
    gazetteer: knowledge.gazetteer,
    model: knowledge.model,
    ...autoRoutePolicy({ threshold: knowledge.validatedThreshold, units: knowledge.autoRouteUnits }, fixedThreshold),
    units: knowledge.units,
    unitRedirects: knowledge.unitRedirects,
    manualOnlyUnits: knowledge.manualOnlyUnits,
    weights: { rules: knowledge.ruleWeight, model: 1 - knowledge.ruleWeight },
  };
}

export function ruleOf(row: RoutingRuleRow): RoutingRule {
  return {
    id: row.id,
    version: row.version,
    kind: row.kind as RoutingRuleKind,
    patterns: row.patterns,
    unitCode: row.unitCode,
    priority: row.priority,
    active: row.active,
  };
}

export function unitReferenceOf(row: UnitRow): UnitReference {
  return {
    code: row.code,
    name: row.name,
    abbr: row.abbr,
    kind: row.kind as UnitReference['kind'],
    asda: row.asda as UnitReference['asda'],
    topics: row.topics,
    ...(row.kecamatan ? { kecamatan: row.kecamatan } : {}),
    ...(row.provisional ? { provisional: true } : {}),
  };
}

export function placeInputOf(row: PlaceRow): PlaceInput {
  return {
    kind: row.kind as PlaceInput['kind'],
    code: row.code,
    name: row.name,
    kecamatanCode: row.kecamatanCode,
    aliases: row.aliases,
    ...(row.requiresQualifier ? { requiresQualifier: true } : {}),
  };
}

@Injectable()
export class RoutingKnowledge {
  private cached: { stamp: string; snapshot: RoutingKnowledgeSnapshot } | null = null;

  constructor(private readonly dataSource: DataSource) {}

  /** The knowledge in force; rebuilt only when rules, units, places or the model changed. */
  async load(manager: EntityManager = this.dataSource.manager): Promise<RoutingKnowledgeSnapshot> {
    const stamp = await this.stamp(manager);
    if (this.cached?.stamp === stamp) return this.cached.snapshot;
    const snapshot = await this.build(manager);
    this.cached = { stamp, snapshot };
    return snapshot;
  }

  private async stamp(manager: EntityManager): Promise<string> {
    const s = (this.dataSource.options as { schema?: string }).schema!;
    const [row] = await manager.query(`SELECT "revision"::text AS revision FROM "${s}"."knowledge_revision"`);
    return row.revision;
  }

  private async build(manager: EntityManager): Promise<RoutingKnowledgeSnapshot> {
    // One after the other: inside a transaction the manager holds a single connection, and pg
    // refuses (from v9) queries issued on a client that is still busy.
    const ruleRows = await manager.getRepository(RoutingRuleRow).find();
    const unitRows = await manager.getRepository(UnitRow).find({ order: { code: 'ASC' } });
    const placeRows = await manager.getRepository(PlaceRow).find();
    const rules = ruleRows.map(ruleOf);
    const latest = await manager.getRepository(ModelVersionRow).find({ order: { version: 'DESC' }, take: 1 });
    const modelRow = latest[0] ?? null;
    const units = unitRows.map(unitReferenceOf);
    const places = placeRows.map(placeInputOf);
    const metrics = (modelRow?.metrics ?? {}) as { ruleWeight?: number; thresholdReason?: string; validation?: Partial<ValidationFigures> | null };
    const model = modelRow ? readableModel(modelRow) : null;
    return {
      rules,
      ruleEngine: new RuleEngine(rules),
      ruleSetVersion: ruleRows.reduce((max, r) => Math.max(max, Number(r.revision)), 0),
      units,
      activeUnitCodes: new Set(unitRows.filter((u) => u.active).map((u) => u.code)),
      unitRedirects: unitRedirectsOf(unitRows),
      gazetteer: Gazetteer.fromReference(places),
      places,
      unitMatcher: new UnitNameMatcher(matchableUnits(units, KECAMATAN)),
      manualOnlyUnits: manualOnlyUnitCodes(units),
      model,
      modelVersion: modelRow?.version ?? null,
      validatedThreshold: model ? (modelRow?.threshold ?? null) : null,
      // Stored with the model version's validation figures (a version trained before has none).
      autoRouteUnits: new Map(model ? (metrics.validation?.autoRouteUnits ?? []).map((u) => [u.unitCode, u.threshold]) : []),
      thresholdReason: !modelRow ? 'belum ada model disposisi' : !model ? 'model tersimpan berformat lama: menunggu pelatihan ulang' : (metrics.thresholdReason ?? ''),
      ruleWeight: typeof metrics.ruleWeight === 'number' ? metrics.ruleWeight : 0.5,
    };
  }
}

/** The stored model, or null when it was written in a format this version no longer reads (it is retrained at start). */
export function readableModel(row: ModelVersionRow): DispositionModel | null {
  try {
    return DispositionModel.fromJSON(JSON.parse(row.modelJson));
  } catch {
    return null;
  }
}
