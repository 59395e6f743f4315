import { BadRequestException, Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthPrincipal } from '@bekasi/auth';
import { CLOCK, type Clock } from '@bekasi/clock';
import { DEFAULT_IKP_POLICY, draftPolicy, type PolicyDraft } from '@bekasi/ikp-domain';
import { IkpPolicyRepository } from '../persistence/ikp-policy.repository';
import { MonthSnapshotRepository } from '../persistence/month-snapshot.repository';
import { IkpBoard } from '../scoring/ikp-board';

/** The Sekda publishes a new IKP policy version for a month on; closed months keep theirs. */
@Injectable()
export class IkpPolicyWorkflow {
  constructor(private readonly dataSource: DataSource, private readonly board: IkpBoard, @Inject(CLOCK) private readonly clock: Clock) {}

  async list() {
    const published = await new IkpPolicyRepository(this.dataSource.manager).all();
    return { items: [{ ...DEFAULT_IKP_POLICY, publishedBy: 'bawaan', publishedAt: null }, ...published] };
  }

  async publish(draft: PolicyDraft, user: AuthPrincipal) {
    return this.dataSource.transaction(async (tx) => {
      const repo = new IkpPolicyRepository(tx);
      const base = await this.board.policyFor(draft.effectiveFrom, tx);
      const all = await repo.all();
      const check = draftPolicy(base, draft, `ikp-${draft.effectiveFrom}-v${all.length + 1}`);
      if (!check.ok) throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: 'Data tidak valid', errors: check.errors.map((e) => ({ field: e.field, reasons: [e.reason] })) });
      if (await new MonthSnapshotRepository(tx).find(draft.effectiveFrom)) {
        throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: 'Data tidak valid', errors: [{ field: 'effectiveFrom', reasons: ['bulan itu sudah ditutup; kebijakan baru berlaku untuk bulan yang belum ditutup'] }] });
      }
      const at = this.clock.now();
      await repo.insert(check.policy, user.username, at);
      return { ...check.policy, publishedBy: user.username, publishedAt: at };
    });
  }
}
