import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Clock } from '@bekasi/clock';
import { schemaOfManager } from '@bekasi/messaging';

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

/**
 * The labelled complaints the model learns from: one per complaint, the latest known disposition
 * winning (an admin who re-disposes a complaint corrects the label). Every write takes a new
 * revision, which is how a scheduled retrain sees that something is new.
 */
@Injectable()
export class TrainingExamples {
  async record(tx: EntityManager, example: TrainingExampleInput, clock: Clock): Promise<void> {
    const s = schemaOfManager(tx);
    await tx.query(
      `INSERT INTO "${s}"."training_examples" ("complaint_id", "text", "category", "unit_code", "source", "received_at", "updated_at", "classification")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT ("complaint_id") DO UPDATE SET
         "text" = EXCLUDED."text", "category" = EXCLUDED."category", "classification" = EXCLUDED."classification", "unit_code" = EXCLUDED."unit_code",
         "source" = EXCLUDED."source", "updated_at" = EXCLUDED."updated_at",
         "revision" = nextval('"${s}"."training_example_revision"')
       WHERE "training_examples"."unit_code" IS DISTINCT FROM EXCLUDED."unit_code"
          OR "training_examples"."source" IS DISTINCT FROM EXCLUDED."source"`,
      [example.complaintId, example.text, example.category, example.unitCode, example.source, example.receivedAt, clock.now(), example.classification],
    );
  }
}
