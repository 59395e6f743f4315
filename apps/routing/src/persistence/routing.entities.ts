// Persistence classes of the routing schema. They hold rows, not decisions: the domain library
// (@bekasi/routing-domain) decides, the mappers beside the services convert.
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

const numeric = { to: (v: number | null) => v, from: (v: string | number | null) => (v === null ? null : Number(v)) };

/** What routing keeps of a complaint to route it again after "bukan kewenangan" without asking intake. */
@Entity({ name: 'complaints' })
export class ComplaintRow {
  @PrimaryColumn('uuid', { name: 'complaint_id' }) complaintId: string;
  @Column('text', { name: 'tracking_id' }) trackingId: string;
  @Column('text') title: string;
  @Column('text') text: string;
  @Column('text', { nullable: true }) category: string | null;
  @Column('text', { nullable: true }) classification: string | null;
  @Column('timestamptz', { name: 'received_at' }) receivedAt: Date;
  @Column('boolean') anonymous: boolean;
  @Column('boolean') confidential: boolean;
  @Column('text', { nullable: true }) channel: string | null;
  @Column('text') priority: string;
  /** complaint.received's `source` and `externalId`, published with each decision (null: kept before routing recorded them). */
  @Column('text', { nullable: true }) source: string | null;
  @Column('text', { name: 'external_id', nullable: true }) externalId: string | null;
  @Column('boolean') historical: boolean;
  /** routed | triage | historical */
  @Column('text') status: string;
  @Column('text', { name: 'unit_code', nullable: true }) unitCode: string | null;
  @Column('text', { name: 'kecamatan_code', nullable: true }) kecamatanCode: string | null;
  @Column('int', { name: 'bounce_count' }) bounceCount: number;
  @Column('jsonb', { name: 'refused_units' }) refusedUnits: string[];
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
}

@Entity({ name: 'disposition_decisions' })
export class DispositionDecisionRow {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'complaint_id' }) complaintId: string;
  /** complaint-received | reassign-requested | admin */
  @Column('text') trigger: string;
  /** route | triage */
  @Column('text') outcome: string;
  @Column('text', { name: 'routed_by', nullable: true }) routedBy: string | null;
  @Column('text', { name: 'unit_code', nullable: true }) unitCode: string | null;
  @Column('text', { name: 'kecamatan_code', nullable: true }) kecamatanCode: string | null;
  @Column('double precision') confidence: number;
  @Column('jsonb') reasons: unknown[];
  @Column('jsonb') alternatives: Array<{ unitCode: string; score: number }>;
  /** The three best candidates with the unit's name, confidence and the words that carried it (triage). */
  @Column('jsonb') suggestions: Array<{ unitCode: string; unitName: string; confidence: number; words: string[] }>;
  @Column('int', { name: 'model_version', nullable: true }) modelVersion: number | null;
  @Column('bigint', { name: 'rule_set_version', transformer: numeric }) ruleSetVersion: number;
  @Column('double precision', { nullable: true }) threshold: number | null;
  @Column('int', { name: 'bounce_count' }) bounceCount: number;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  /** Commit order; the business clock may give several decisions the same instant. */
  @Column({ type: 'bigint', insert: false, update: false, select: false }) seq: string;
}

/** One version of a rule; a change adds a row, so old decisions keep pointing at what they used. */
@Entity({ name: 'routing_rules' })
@Index(['id', 'version'], { unique: true })
export class RoutingRuleRow {
  /** Grows with every change: the highest revision is the rule-set version. */
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) revision: string;
  @Column('text') id: string;
  @Column('int') version: number;
  @Column('text') kind: string;
  @Column('jsonb') patterns: string[];
  @Column('text', { name: 'unit_code', nullable: true }) unitCode: string | null;
  @Column('double precision') priority: number;
  @Column('boolean') active: boolean;
  @Column('text', { nullable: true }) note: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
}

@Entity({ name: 'units' })
export class UnitRow {
  @PrimaryColumn('text') code: string;
  @Column('text') name: string;
  @Column('text') abbr: string;
  @Column('text') kind: string;
  @Column('text') asda: string;
  @Column('text', { nullable: true }) kecamatan: string | null;
  @Column('jsonb') topics: string[];
  @Column('boolean') active: boolean;
  @Column('text', { name: 'replaced_by', nullable: true }) replacedBy: string | null;
  /** Learnt from a history label with a guessed kind; the admin has yet to confirm it. */
  @Column('boolean', { default: false }) provisional: boolean;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
}

@Entity({ name: 'unit_changes' })
export class UnitChangeRow {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id: string;
  @Column('text', { name: 'unit_code' }) unitCode: string;
  /** created | renamed | merged | deactivated */
  @Column('text') change: string;
  @Column('jsonb') detail: Record<string, unknown>;
  @Column('timestamptz') at: Date;
}

/** Desa, kelurahan and kecamatan the admin taught the gazetteer, or extra spellings of known ones. */
@Entity({ name: 'places' })
export class PlaceRow {
  @PrimaryColumn('text') kind: string;
  @PrimaryColumn('text') code: string;
  @Column('text') name: string;
  @Column('text', { name: 'kecamatan_code' }) kecamatanCode: string;
  @Column('jsonb') aliases: string[];
  @Column('boolean', { name: 'requires_qualifier' }) requiresQualifier: boolean;
}

/** One labelled complaint per complaint id: the latest known disposition (history or admin) wins. */
@Entity({ name: 'training_examples' })
export class TrainingExampleRow {
  @PrimaryColumn('uuid', { name: 'complaint_id' }) complaintId: string;
  @Column('text') text: string;
  @Column('text', { nullable: true }) category: string | null;
  @Column('text', { nullable: true }) classification: string | null;
  @Column('text', { name: 'unit_code' }) unitCode: string;
  /** history | admin */
  @Column('text') source: string;
  @Column('timestamptz', { name: 'received_at' }) receivedAt: Date;
  /** Set from a sequence on every insert or change, so a retrain knows whether anything is new. */
  @Column('bigint', { transformer: numeric }) revision: number;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
}

@Entity({ name: 'model_versions' })
export class ModelVersionRow {
  @PrimaryGeneratedColumn('increment') version: number;
  @Column('text', { name: 'model_json' }) modelJson: string;
  @Column('timestamptz', { name: 'trained_at' }) trainedAt: Date;
  /** The highest training-example revision the model saw. */
  @Column('bigint', { name: 'examples_revision', transformer: numeric }) examplesRevision: number;
  @Column('int', { name: 'n_examples' }) nExamples: number;
  @Column('int', { name: 'n_train', nullable: true }) nTrain: number | null;
  @Column('int', { name: 'n_test', nullable: true }) nTest: number | null;
  @Column('double precision', { name: 'top1_accuracy', nullable: true }) top1Accuracy: number | null;
  @Column('double precision', { name: 'precision_at_threshold', nullable: true }) precisionAtThreshold: number | null;
  @Column('double precision', { name: 'coverage_at_threshold', nullable: true }) coverageAtThreshold: number | null;
  /** Chosen on validation (estimated precision ≥ 90 %); null: nothing is auto-routed. */
  @Column('double precision', { nullable: true }) threshold: number | null;
  @Column('jsonb') metrics: Record<string, unknown>;
  /** command | schedule | start */
  @Column('text') trigger: string;
}

export const ROUTING_ENTITIES = [
  ComplaintRow,
  DispositionDecisionRow,
  RoutingRuleRow,
  UnitRow,
  UnitChangeRow,
  PlaceRow,
  TrainingExampleRow,
  ModelVersionRow,
];
