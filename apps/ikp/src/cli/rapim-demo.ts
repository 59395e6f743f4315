// node tools/run.js apps/ikp/src/cli/rapim-demo.ts [OUT_PREFIX=/tmp/rapim-demo]
// The Rapim pack of a demo month (March 2026) to look at: six months of synthetic ticket facts with
// units improving or slipping, leadership instructions through the dialog kinerja, a finance
// import; writes OUT_PREFIX.pdf and OUT_PREFIX.xlsx from a throw-away schema, then drops it.
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { FakeClock } from '@bekasi/clock';
import { decideInstruction, issueInstruction, periodsEndingWith, type InstructionActor, type InstructionCommand, type InstructionRules, type InstructionSnapshot } from '@bekasi/ikp-domain';
import { BudgetRepository } from '../persistence/budget.repository';
import { InstructionRepository } from '../persistence/instruction.repository';
import { RapimPackAssembler } from '../rapim/rapim-pack';
import { renderRapimPdf } from '../rapim/rapim-pdf.renderer';
import { renderRapimXlsx } from '../rapim/rapim-xlsx.renderer';
import { IkpBoard } from '../scoring/ikp-board';
import { AsdaDirectory } from '@bekasi/unit-directory';
import { UnitRegistry } from '../units/unit-registry';
import { seedTicketFacts } from './ikp-facts-fixture';
import { withThrowAwaySchema } from './throwaway-schema';

const PERIOD = '2026-03';
const actor = (role: string, unitCode: string | null = null, asdaGroup: string | null = null): InstructionActor => ({ role, unitCode, asdaGroup, username: role === 'unit_head' ? `head.${unitCode?.toLowerCase()}` : role });
const at = (iso: string) => new Date(`${iso}+07:00`);

/** An instruction of March through the dialog kinerja: target, proposal and decision, realisation and verification. */
function instruction(unitCode: string, title: string, name: string, unit: string, target: number, steps: Array<[InstructionCommand, InstructionActor, string]>, rules: InstructionRules): InstructionSnapshot {
  const issued = issueInstruction(
    { id: randomUUID(), unitCode, title, description: '', negotiationEndsAt: at('2026-03-09T17:00:00'), targets: [{ id: randomUUID(), name, unitOfMeasure: unit, period: PERIOD, dueAt: at('2026-03-27T23:59:59'), target }] },
    actor('bupati'),
    at('2026-03-02T10:00:00'),
  );
  if (!issued.ok) throw new Error(issued.refusal.message);
  let s = issued.snapshot;
  for (const [command, who, when] of steps) {
    // Ids known only once the instruction exists: its target, and the proposal just made.
    const filled =
      command.type === 'decide_proposal' ? { ...command, proposalId: s.proposals[s.proposals.length - 1].id } : 'targetId' in command ? { ...command, targetId: s.targets[0].id } : command;
    const d = decideInstruction(s, filled as InstructionCommand, who, at(when), rules);
    if (!d.ok) throw new Error(d.refusal.message);
    s = d.snapshot;
  }
  return s;
}

async function main() {
  const out = process.argv[2] ?? '/tmp/rapim-demo';
  const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  await withThrowAwaySchema(databaseUrl, 'demo_ikp', async (ds, schema) => {
    const months = periodsEndingWith(PERIOD, 6);
    for (const [i, period] of months.entries()) await seedTicketFacts(ds, schema, period, 6_000, i * 6_000, 0.6 + 0.05 * i);
    const units = new UnitRegistry(await new AsdaDirectory(ds).open());
    const rules: InstructionRules = { verifierRoles: ['asda', 'sekda'], sekdaDecidesTargets: true, asdaOf: (u) => units.asdaOf(u) };
    const evidence = [{ fileId: null, reference: 'Laporan bulanan No. 12/III/2026', label: 'Laporan bulanan' }];
    const reason = 'Sebagian kasus dirujuk ke kepolisian, penyelesaiannya di luar kewenangan dinas';
    const repo = new InstructionRepository(ds.manager);
    const p = (proposedTarget: number): InstructionCommand => ({ type: 'propose_target', proposalId: randomUUID(), targetId: '', proposedTarget, reason });
    const realise = (value: number): InstructionCommand => ({ type: 'report_realisation', realisationId: 'r-' + value, targetId: '', value, note: 'tuntas', evidence });
    const verify = (value: number): InstructionCommand => ({ type: 'verify', realisationId: 'r-' + value, decision: 'verified', note: 'Sesuai bukti' });
    for (const s of [
      instruction('DP3A', 'Penanganan kasus kekerasan anak', 'Kasus kekerasan anak ditangani tuntas', 'kasus', 20, [
        [p(15), actor('unit_head', 'DP3A'), '2026-03-04T09:00:00'], [{ type: 'decide_proposal', proposalId: '', approve: false, note: 'Target tetap' }, actor('bupati'), '2026-03-05T09:00:00'],
        [realise(18), actor('officer', 'DP3A'), '2026-03-26T09:00:00'], [verify(18), actor('asda', null, 'I'), '2026-03-27T09:00:00'],
      ], rules),
      instruction('BPBD', 'Penanggulangan kekeringan', 'Desa terdampak dipasok air bersih', 'desa', 30, [
        [p(24), actor('unit_head', 'BPBD'), '2026-03-04T09:00:00'], [{ type: 'decide_proposal', proposalId: '', approve: true, note: 'Disetujui, sesuai armada tangki' }, actor('sekda'), '2026-03-05T09:00:00'],
        [realise(24), actor('officer', 'BPBD'), '2026-03-20T09:00:00'], [verify(24), actor('asda', null, 'I'), '2026-03-21T09:00:00'],
      ], rules),
      instruction('DLH', 'Penanganan sampah liar', 'Titik sampah liar dibersihkan', 'titik', 40, [[realise(22), actor('officer', 'DLH'), '2026-03-25T09:00:00'], [verify(22), actor('asda', null, 'II'), '2026-03-26T09:00:00']], rules),
      instruction('DINKES', 'Pencegahan demam berdarah', 'Kelurahan difogging', 'kelurahan', 12, [[p(16), actor('unit_head', 'DINKES'), '2026-03-03T09:00:00']], rules),
    ])
      await repo.insert(s);
    await new BudgetRepository(ds.manager).upsert(
      units.all().slice(0, 25).map((u, i) => ({ unitCode: u.code, period: PERIOD, pagu: 10_000_000_000 + i * 1_000_000_000, rencana: (2_000_000_000 + i * 100_000_000) * 1.2, realisasi: (1_200_000_000 + ((i * 37) % 11) * 150_000_000) * 1.2 })),
      randomUUID(),
    );
    const clock = new FakeClock(at('2026-04-01T09:00:00'));
    const pack = await new RapimPackAssembler(ds, new IkpBoard(ds, units, clock), units, clock).assemble(PERIOD);
    writeFileSync(`${out}.pdf`, await renderRapimPdf(pack));
    writeFileSync(`${out}.xlsx`, await renderRapimXlsx(pack));
    console.log(JSON.stringify({ period: PERIOD, pdf: `${out}.pdf`, xlsx: `${out}.xlsx`, ranked: pack.board.items.filter((i) => i.rank !== null).length, top: pack.board.items.slice(0, 3).map((i) => [i.rank, i.unitCode, i.score, i.zone]) }));
  });
}

void main().catch((err) => {
  console.error(err);
  process.exit(1);
});
