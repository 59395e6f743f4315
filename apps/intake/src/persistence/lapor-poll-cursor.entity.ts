import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Where the poller is in the LAPOR! feed; moves in the same transaction as the page it read. */
@Entity({ name: 'lapor_poll_cursor' })
export class LaporPollCursorEntity {
  @PrimaryColumn({ type: 'text' }) feed!: string;
  @Column({ type: 'text', nullable: true }) cursor!: string | null;
  @Column({ name: 'pages_read', type: 'bigint', default: 0 }) pagesRead!: string;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
