import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Clock } from '@bekasi/clock';
import { schemaOfManager } from '@bekasi/messaging';
import { complaintDocument } from '@bekasi/routing-domain';
import type { ComplaintRow } from '../persistence/routing.entities';

export interface TrainingExampleInput {
  complaintId: string;
  /** Title and body as the model reads them (complaintDocument). */
  text: string;
  category: string | null;
  classification: string | null;
  unitCode: string;
  source: 'history' | 'admin';
  receivedAt: Date;
}

/** The label an admin's disposition teaches: the complaint as the model reads it, sent to `unitCode`. */
export function adminExampleOf(complaint: Pick<ComplaintRow, 'complaintId' | 'title' | 'text' | 'category' | 'classification' | 'receivedAt'>, unitCode: string): TrainingExampleInput {
  return {
    complaintId: complaint.complaintId,
    text: complaintDocument(complaint.title, complaint.text),
    category: complaint.category,
    classification: complaint.classification,
    unitCode,
    source: 'admin',
    receivedAt: complaint.receivedAt,
  };
}

/**
 * The labelled complaints the model learns from: one per complaint, the latest known disposition
 * winning (an admin who re-disposes a complaint corrects the label). Every write takes a new
 * revision, which is how a scheduled retrain sees that something is new.
 */
@Injectable()
export class TrainingExamples {
  /** Several examples in one statement; a complaint named twice keeps the last (as one by one would). */
  async recordMany(tx: EntityManager, examples: readonly TrainingExampleInput[], clock: Clock): Promise<void> {
    if (examples.length === 0) return;
    const latest = [...new Map(examples.map((e) => [e.complaintId, e])).values()];
    const s = schemaOfManager(tx);
    await tx.query(
      `INSERT INTO "${s}"."training_examples" ("complaint_id", "text", "category", "unit_code", "source", "received_at", "updated_at", "classification")
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::timestamptz[], $8::text[])
       ON CONFLICT ("complaint_id") DO UPDATE SET
         "text" = EXCLUDED."text", "category" = EXCLUDED."category", "classification" = EXCLUDED."classification", "unit_code" = EXCLUDED."unit_code",
         "source" = EXCLUDED."source", "updated_at" = EXCLUDED."updated_at",
         "revision" = nextval('"${s}"."training_example_revision"')
       WHERE "training_examples"."unit_code" IS DISTINCT FROM EXCLUDED."unit_code"
          OR "training_examples"."source" IS DISTINCT FROM EXCLUDED."source"`,
      [
        latest.map((e) => e.complaintId),
        latest.map((e) => e.text),
        latest.map((e) => e.category),
        latest.map((e) => e.unitCode),
        latest.map((e) => e.source),
        latest.map((e) => e.receivedAt),
        latest.map(() => clock.now()),
        latest.map((e) => e.classification),
      ],
    );
  }
}
