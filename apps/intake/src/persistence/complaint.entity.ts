import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A complaint as intake keeps it: the clear content (never published) beside the masked one (published). */
@Entity({ name: 'complaints' })
export class ComplaintEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'tracking_id', type: 'text', unique: true }) trackingId!: string;
  /** One complaint per key: see complaintIdentityKey. */
  @Column({ name: 'identity_key', type: 'text', unique: true }) identityKey!: string;
  @Column({ type: 'text' }) source!: string;
  @Column({ name: 'external_id', type: 'text' }) externalId!: string;
  @Column({ type: 'text', nullable: true }) channel!: string | null;
  @Column({ name: 'received_at', type: 'timestamptz' }) receivedAt!: Date;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'text' }) text!: string;
  @Column({ name: 'location_text', type: 'text', nullable: true }) locationText!: string | null;
  @Column({ type: 'jsonb', nullable: true }) reporter!: Record<string, unknown> | null;
  @Column({ name: 'public_title', type: 'text' }) publicTitle!: string;
  @Column({ name: 'public_text', type: 'text' }) publicText!: string;
  @Column({ name: 'personal_data_masked', type: 'boolean' }) personalDataMasked!: boolean;
  @Column({ name: 'category_id', type: 'text', nullable: true }) categoryId!: string | null;
  @Column({ type: 'text', nullable: true }) category!: string | null;
  @Column({ type: 'text', nullable: true }) classification!: string | null;
  @Column({ type: 'boolean' }) anonymous!: boolean;
  @Column({ type: 'boolean' }) confidential!: boolean;
  @Column({ type: 'text' }) priority!: string;
  @Column({ type: 'boolean' }) historical!: boolean;
  @Column({ name: 'historical_disposition', type: 'jsonb', nullable: true }) historicalDisposition!: Record<string, unknown> | null;
  @Column({ name: 'kecamatan_hint', type: 'text', nullable: true }) kecamatanHint!: string | null;
  /** What the duplicate check compares: textSignatureOf(public title and text), encoded. */
  @Column({ name: 'text_signature', type: 'bytea' }) textSignature!: Buffer;
  @Column({ name: 'duplicate_of', type: 'uuid', nullable: true }) duplicateOf!: string | null;
  @Column({ name: 'duplicate_score', type: 'real', nullable: true }) duplicateScore!: number | null;
  @Column({ name: 'import_run_id', type: 'uuid', nullable: true }) importRunId!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
