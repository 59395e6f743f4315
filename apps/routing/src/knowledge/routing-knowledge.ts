// Everything a disposition needs from the database, read fresh for each decision (rules, units
// and places are small, and several instances must agree at once after an admin's change); the
// model is parsed again only when a new version appears.
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { UnitReference } from '@bekasi/reference-data';
import { Gazetteer, type PlaceInput } from '@bekasi/indonesian-text';
import {
  DispositionModel,
  RuleEngine,
  unitRedirectsOf,
  type RoutingRule,
  type RoutingRuleKind,
  type UnitRedirects,
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
  model: DispositionModel | null;
  modelVersion: number | null;
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
  private cachedModel: { version: number; model: DispositionModel } | null = null;

  constructor(private readonly dataSource: DataSource) {}

  async load(manager: EntityManager = this.dataSource.manager): Promise<RoutingKnowledgeSnapshot> {
    // One after the other: inside a transaction the manager holds a single connection, and pg
    // refuses (from v9) queries issued on a client that is still busy.
    const ruleRows = await manager.getRepository(RoutingRuleRow).find();
    const unitRows = await manager.getRepository(UnitRow).find({ order: { code: 'ASC' } });
    const placeRows = await manager.getRepository(PlaceRow).find();
    const rules = ruleRows.map(ruleOf);
    const { model, version } = await this.latestModel(manager);
    return {
      rules,
      ruleEngine: new RuleEngine(rules),
      ruleSetVersion: ruleRows.reduce((max, r) => Math.max(max, Number(r.revision)), 0),
      units: unitRows.map(unitReferenceOf),
      activeUnitCodes: new Set(unitRows.filter((u) => u.active).map((u) => u.code)),
      unitRedirects: unitRedirectsOf(unitRows),
      gazetteer: Gazetteer.fromReference(placeRows.map(placeInputOf)),
      model,
      modelVersion: version,
    };
  }

  private async latestModel(manager: EntityManager): Promise<{ model: DispositionModel | null; version: number | null }> {
    const latest = await manager.getRepository(ModelVersionRow).find({ select: { version: true }, order: { version: 'DESC' }, take: 1 });
    const version = latest[0]?.version ?? null;
    if (version === null) return { model: null, version: null };
    if (this.cachedModel?.version !== version) {
      const row = await manager.getRepository(ModelVersionRow).findOneByOrFail({ version });
      this.cachedModel = { version, model: DispositionModel.fromJSON(JSON.parse(row.modelJson)) };
    }
    return { model: this.cachedModel.model, version };
  }
}
