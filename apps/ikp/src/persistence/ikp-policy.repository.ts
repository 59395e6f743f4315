import type { EntityManager } from 'typeorm';
import type { IkpPolicy } from '@bekasi/ikp-domain';
import { schemaOfManager } from '@bekasi/messaging';

export interface PublishedPolicy extends IkpPolicy {
  publishedBy: string;
  publishedAt: Date;
}

/** The IKP policy versions the Sekda published; never updated, only added to. */
export class IkpPolicyRepository {
  private readonly s: string;

  constructor(private readonly db: EntityManager) {
    this.s = schemaOfManager(db);
  }

  async all(): Promise<PublishedPolicy[]> {
    const rows = await this.db.query(`SELECT document, published_by, published_at FROM "${this.s}"."ikp_policies" ORDER BY effective_from, published_at`);
    return rows.map((r: any) => ({ ...r.document, publishedBy: r.published_by, publishedAt: new Date(r.published_at) }));
  }

  async insert(policy: IkpPolicy, by: string, at: Date): Promise<void> {
    await this.db.query(`INSERT INTO "${this.s}"."ikp_policies" (version, effective_from, document, published_by, published_at) VALUES ($1, $2, $3, $4, $5)`, [
      policy.version, policy.effectiveFrom, JSON.stringify(policy), by, at,
    ]);
  }
}
