import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One upload of an export and what became of its rows, for the admin's record. */
@Entity({ name: 'import_runs' })
export class ImportRunEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'file_name', type: 'text', nullable: true }) fileName!: string | null;
  @Column({ type: 'text' }) format!: string;
  @Column({ type: 'int' }) imported!: number;
  @Column({ type: 'int' }) duplicates!: number;
  @Column({ type: 'jsonb' }) rejected!: unknown[];
  @Column({ name: 'started_at', type: 'timestamptz' }) startedAt!: Date;
  @Column({ name: 'finished_at', type: 'timestamptz' }) finishedAt!: Date;
}
