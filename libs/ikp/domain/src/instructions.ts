// Instruksi Khusus Pimpinan: an instruction of the leadership to one unit on a current issue, with
// measurable targets ("kasus kekerasan anak ditangani tuntas: 20 kasus, Desember"). The unit reports
// its realisation with evidence; the leadership's staff verifies it or sends it back; only verified
// realisation counts. In the dialog kinerja window the unit head may propose a different target,
// which the Bupati (or the Sekda by delegation) approves or rejects; undecided, it lapses.
// Nothing here is done by the unit's say-so: an instruction is achieved when verified realisation
// reaches every target.

export type InstructionState = 'active' | 'cancelled';
export type RealisationState = 'submitted' | 'verified' | 'sent_back';
export type ProposalOutcome = 'proposed' | 'approved' | 'rejected' | 'lapsed';
export type TargetStanding = 'on_track' | 'achieved' | 'overdue';
export type InstructionStanding = TargetStanding | 'cancelled';

export interface Evidence {
  /** A file in the file store, or a reference (letter number, link, register page) with a label. */
  fileId: string | null;
  reference: string | null;
  label: string;
}

export interface InstructionTarget {
  id: string;
  name: string;
  unitOfMeasure: string;
  /** YYYY-MM the target belongs to (its month on the IKP board). */
  period: string;
  dueAt: Date;
  originalTarget: number;
  /** The target in force: the original, or the last approved proposal. */
  target: number;
}

export interface Realisation {
  id: string;
  targetId: string;
  /** Cumulative realisation to date, in the target's unit of measure. */
  value: number;
  note: string;
  evidence: readonly Evidence[];
  state: RealisationState;
  reportedBy: string;
  reportedAt: Date;
  verifiedBy: string | null;
  verifiedAt: Date | null;
  verificationNote: string | null;
}

export interface TargetProposalStep {
  id: string;
  targetId: string;
  currentTarget: number;
  proposedTarget: number;
  reason: string;
  state: ProposalOutcome;
  proposedBy: string;
  proposedAt: Date;
  decidedBy: string | null;
  decidedAt: Date | null;
  decisionNote: string | null;
}

export interface InstructionSnapshot {
  id: string;
  unitCode: string;
  title: string;
  description: string;
  issuedBy: string;
  issuedAt: Date;
  negotiationEndsAt: Date;
  state: InstructionState;
  cancelledAt: Date | null;
  cancelNote: string | null;
  version: number;
  targets: readonly InstructionTarget[];
  realisations: readonly Realisation[];
  proposals: readonly TargetProposalStep[];
}

/** The caller as instructions see them. */
export interface InstructionActor {
  role: string;
  username: string;
  unitCode: string | null;
  asdaGroup: string | null;
}

/** Deployment choices: who verifies (Bagian Organisasi / the Asda), whether the Sekda decides for the Bupati. */
export interface InstructionRules {
  verifierRoles: readonly string[];
  sekdaDecidesTargets: boolean;
  /** The Asda group of a unit, from the units registry: an Asda verifies only their group's units. */
  asdaOf(unitCode: string): string | null;
}

export type InstructionCommand =
  | { type: 'report_realisation'; realisationId: string; targetId: string; value: number; note: string; evidence: readonly Evidence[] }
  | { type: 'verify'; realisationId: string; decision: 'verified' | 'sent_back'; note: string }
  | { type: 'propose_target'; proposalId: string; targetId: string; proposedTarget: number; reason: string }
  | { type: 'decide_proposal'; proposalId: string; approve: boolean; note: string | null }
  | { type: 'cancel'; note: string };

export type InstructionAction = InstructionCommand['type'];

export type InstructionRefusal = { code: 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'INVALID'; field?: string; message: string };
export type Decision = { ok: true; snapshot: InstructionSnapshot } | { ok: false; refusal: InstructionRefusal };

const refuse = (code: InstructionRefusal['code'], message: string, field?: string): Decision => ({ ok: false, refusal: { code, message, field } });
const LEADERS = ['bupati', 'sekda'];

export interface IssueInput {
  id: string;
  unitCode: string;
  title: string;
  description: string;
  negotiationEndsAt: Date | null;
  targets: ReadonlyArray<Omit<InstructionTarget, 'originalTarget' | 'target'> & { target: number }>;
}

/** Default length of the dialog kinerja window when the leadership names none. */
export const NEGOTIATION_WINDOW_DAYS = 7;

/** The Bupati or the Sekda instructs a unit; at least one measurable target, each due in the future. */
export function issueInstruction(input: IssueInput, actor: InstructionActor, now: Date): Decision {
  if (!LEADERS.includes(actor.role)) return refuse('FORBIDDEN', 'Hanya Bupati atau Sekda yang dapat memberi instruksi.');
  if (input.targets.length === 0) return refuse('INVALID', 'Instruksi perlu paling sedikit satu target terukur.', 'indicators');
  for (const [i, t] of input.targets.entries()) {
    if (!(t.target > 0) || !Number.isFinite(t.target)) return refuse('INVALID', 'target harus angka lebih dari 0', `indicators.${i}.target`);
    if (t.dueAt.getTime() <= now.getTime()) return refuse('INVALID', 'batas waktu harus di masa depan', `indicators.${i}.dueAt`);
  }
  const negotiationEndsAt = input.negotiationEndsAt ?? new Date(now.getTime() + NEGOTIATION_WINDOW_DAYS * 86_400_000);
  if (negotiationEndsAt.getTime() <= now.getTime()) return refuse('INVALID', 'akhir dialog kinerja harus di masa depan', 'negotiationEndsAt');
  return {
    ok: true,
    snapshot: {
      id: input.id,
      unitCode: input.unitCode,
      title: input.title,
      description: input.description,
      issuedBy: actor.username,
      issuedAt: now,
      negotiationEndsAt,
      state: 'active',
      cancelledAt: null,
      cancelNote: null,
      version: 1,
      targets: input.targets.map((t) => ({ ...t, originalTarget: t.target })),
      realisations: [],
      proposals: [],
    },
  };
}

/** Proposals still undecided when the dialog kinerja window closed have lapsed: the target stands. */
export function settle(snapshot: InstructionSnapshot, now: Date): InstructionSnapshot {
  if (now.getTime() <= snapshot.negotiationEndsAt.getTime() || !snapshot.proposals.some((p) => p.state === 'proposed')) return snapshot;
  return {
    ...snapshot,
    proposals: snapshot.proposals.map((p) => (p.state === 'proposed' ? { ...p, state: 'lapsed', decidedAt: snapshot.negotiationEndsAt, decidedBy: null } : p)),
  };
}

export function negotiationOpen(snapshot: InstructionSnapshot, now: Date): boolean {
  return snapshot.state === 'active' && now.getTime() <= snapshot.negotiationEndsAt.getTime();
}

const ownUnit = (actor: InstructionActor, s: InstructionSnapshot) => actor.unitCode !== null && actor.unitCode === s.unitCode;

/** Who may do what, one rule per action; the workflow and the UI's allowed actions both ask here. */
export function mayAct(action: InstructionAction, actor: InstructionActor, s: InstructionSnapshot, rules: InstructionRules): boolean {
  switch (action) {
    case 'report_realisation':
      return (actor.role === 'officer' || actor.role === 'unit_head') && ownUnit(actor, s);
    case 'verify':
      // The leadership's staff, never the unit itself; an Asda only over the units of their group.
      if (!rules.verifierRoles.includes(actor.role) || ownUnit(actor, s)) return false;
      return actor.role !== 'asda' || (actor.asdaGroup !== null && actor.asdaGroup === rules.asdaOf(s.unitCode));
    case 'propose_target':
      return actor.role === 'unit_head' && ownUnit(actor, s);
    case 'decide_proposal':
      return actor.role === 'bupati' || (actor.role === 'sekda' && rules.sekdaDecidesTargets);
    case 'cancel':
      return LEADERS.includes(actor.role);
  }
}

const FORBIDDEN_MESSAGES: Record<InstructionAction, string> = {
  report_realisation: 'Hanya perangkat daerah yang diberi instruksi yang dapat melaporkan realisasinya.',
  verify: 'Hanya verifikator pimpinan (Bagian Organisasi / Asisten Daerah) yang dapat memverifikasi realisasi, dan bukan untuk unitnya sendiri.',
  propose_target: 'Hanya kepala perangkat daerah yang diberi instruksi yang dapat mengusulkan perubahan target.',
  decide_proposal: 'Hanya Bupati (atau Sekda atas pendelegasian) yang dapat memutuskan usulan target.',
  cancel: 'Hanya Bupati atau Sekda yang dapat membatalkan instruksi.',
};

/** Applies one command to an instruction, or refuses it; the snapshot is settled (lapsed proposals) first. */
export function decideInstruction(current: InstructionSnapshot, command: InstructionCommand, actor: InstructionActor, now: Date, rules: InstructionRules): Decision {
  const s = settle(current, now);
  if (!mayAct(command.type, actor, s, rules)) return refuse('FORBIDDEN', FORBIDDEN_MESSAGES[command.type]);
  if (s.state !== 'active') return refuse('CONFLICT', 'Instruksi ini sudah dibatalkan.');
  const next = (changes: Partial<InstructionSnapshot>): Decision => ({ ok: true, snapshot: { ...s, ...changes, version: s.version + 1 } });
  switch (command.type) {
    case 'report_realisation': {
      const target = s.targets.find((t) => t.id === command.targetId);
      if (!target) return refuse('NOT_FOUND', 'Target instruksi tidak ditemukan.');
      if (!Number.isFinite(command.value) || command.value < 0) return refuse('INVALID', 'realisasi harus angka tidak negatif', 'value');
      if (command.evidence.length === 0) return refuse('INVALID', 'realisasi perlu bukti dukung (berkas atau rujukan)', 'evidence');
      if (command.evidence.some((e) => !e.fileId && !e.reference)) return refuse('INVALID', 'setiap bukti perlu berkas atau rujukan', 'evidence');
      if (s.realisations.some((r) => r.targetId === target.id && r.state === 'submitted')) {
        return refuse('CONFLICT', 'Laporan realisasi sebelumnya masih menunggu verifikasi.');
      }
      const realisation: Realisation = {
        id: command.realisationId, targetId: target.id, value: command.value, note: command.note, evidence: command.evidence, state: 'submitted',
        reportedBy: actor.username, reportedAt: now, verifiedBy: null, verifiedAt: null, verificationNote: null,
      };
      return next({ realisations: [...s.realisations, realisation] });
    }
    case 'verify': {
      const r = s.realisations.find((x) => x.id === command.realisationId);
      if (!r) return refuse('NOT_FOUND', 'Laporan realisasi tidak ditemukan.');
      if (r.state !== 'submitted') return refuse('CONFLICT', 'Laporan realisasi ini sudah diverifikasi atau dikembalikan.');
      if (command.decision === 'sent_back' && command.note.trim().length < 5) return refuse('INVALID', 'pengembalian perlu alasan paling sedikit 5 karakter', 'note');
      const verified: Realisation = { ...r, state: command.decision, verifiedBy: actor.username, verifiedAt: now, verificationNote: command.note || null };
      return next({ realisations: s.realisations.map((x) => (x.id === r.id ? verified : x)) });
    }
    case 'propose_target': {
      const target = s.targets.find((t) => t.id === command.targetId);
      if (!target) return refuse('NOT_FOUND', 'Target instruksi tidak ditemukan.');
      if (!negotiationOpen(s, now)) return refuse('CONFLICT', 'Masa dialog kinerja untuk instruksi ini sudah berakhir.');
      if (!Number.isFinite(command.proposedTarget) || command.proposedTarget <= 0) return refuse('INVALID', 'target usulan harus angka lebih dari 0', 'proposedTarget');
      if (command.proposedTarget === target.target) return refuse('INVALID', 'target usulan sama dengan target yang berlaku', 'proposedTarget');
      if (command.reason.trim().length < 10) return refuse('INVALID', 'alasan paling sedikit 10 karakter', 'reason');
      if (s.proposals.some((p) => p.targetId === target.id && p.state === 'proposed')) return refuse('CONFLICT', 'Masih ada usulan yang menunggu keputusan untuk target ini.');
      const proposal: TargetProposalStep = {
        id: command.proposalId, targetId: target.id, currentTarget: target.target, proposedTarget: command.proposedTarget, reason: command.reason, state: 'proposed',
        proposedBy: actor.username, proposedAt: now, decidedBy: null, decidedAt: null, decisionNote: null,
      };
      return next({ proposals: [...s.proposals, proposal] });
    }
    case 'decide_proposal': {
      const p = s.proposals.find((x) => x.id === command.proposalId);
      if (!p) return refuse('NOT_FOUND', 'Usulan target tidak ditemukan.');
      if (p.state === 'lapsed') return refuse('CONFLICT', 'Usulan ini gugur: tidak diputuskan sampai akhir masa dialog kinerja.');
      if (p.state !== 'proposed') return refuse('CONFLICT', 'Usulan ini sudah diputuskan.');
      const decided: TargetProposalStep = { ...p, state: command.approve ? 'approved' : 'rejected', decidedBy: actor.username, decidedAt: now, decisionNote: command.note };
      return next({
        proposals: s.proposals.map((x) => (x.id === p.id ? decided : x)),
        targets: command.approve ? s.targets.map((t) => (t.id === p.targetId ? { ...t, target: p.proposedTarget } : t)) : s.targets,
      });
    }
    case 'cancel':
      if (command.note.trim().length < 5) return refuse('INVALID', 'pembatalan perlu alasan paling sedikit 5 karakter', 'note');
      return next({ state: 'cancelled', cancelledAt: now, cancelNote: command.note });
  }
}

/** The latest verified realisation of a target (cumulative), 0 when none is verified. */
export function verifiedRealisation(s: InstructionSnapshot, targetId: string): number {
  const verified = s.realisations.filter((r) => r.targetId === targetId && r.state === 'verified');
  return verified.length === 0 ? 0 : verified.reduce((a, b) => (b.reportedAt.getTime() >= a.reportedAt.getTime() ? b : a)).value;
}

/** Verified realisation against the target in force, in percent, capped at 100. */
export function targetAchievement(s: InstructionSnapshot, target: InstructionTarget): number {
  return Math.round(10 * Math.min(100, (100 * verifiedRealisation(s, target.id)) / target.target)) / 10;
}

export function targetStanding(s: InstructionSnapshot, target: InstructionTarget, now: Date): TargetStanding {
  if (targetAchievement(s, target) >= 100) return 'achieved';
  return now.getTime() > target.dueAt.getTime() ? 'overdue' : 'on_track';
}

export function instructionStanding(s: InstructionSnapshot, now: Date): InstructionStanding {
  if (s.state === 'cancelled') return 'cancelled';
  const standings = s.targets.map((t) => targetStanding(s, t, now));
  if (standings.every((x) => x === 'achieved')) return 'achieved';
  return standings.includes('overdue') ? 'overdue' : 'on_track';
}

/** Mean achievement of the instruction's targets, 0-100. */
export function instructionAchievement(s: InstructionSnapshot): number {
  if (s.targets.length === 0) return 0;
  return Math.round((10 * s.targets.reduce((sum, t) => sum + targetAchievement(s, t), 0)) / s.targets.length) / 10;
}

/**
 * The IKP tally of a unit's instructions for a month: targets of that month whose outcome is known
 * (achieved, or past their date), and the sum of their achievements. Cancelled instructions and
 * targets still on track do not count yet.
 */
export function instructionTally(instructions: readonly InstructionSnapshot[], period: string, now: Date): { due: number; achievementSum: number; achieved: number } {
  let due = 0;
  let achievementSum = 0;
  let achieved = 0;
  for (const s of instructions) {
    if (s.state === 'cancelled') continue;
    for (const t of s.targets) {
      if (t.period !== period) continue;
      const standing = targetStanding(s, t, now);
      if (standing === 'on_track') continue;
      due++;
      achievementSum += targetAchievement(s, t);
      if (standing === 'achieved') achieved++;
    }
  }
  return { due, achievementSum, achieved };
}

/** The actions a caller may take now, for the UI to offer (it still gets refused if things changed). */
export function allowedActions(current: InstructionSnapshot, actor: InstructionActor, now: Date, rules: InstructionRules): InstructionAction[] {
  const s = settle(current, now);
  if (s.state !== 'active') return [];
  const out: InstructionAction[] = [];
  if (mayAct('report_realisation', actor, s, rules)) out.push('report_realisation');
  if (mayAct('verify', actor, s, rules) && s.realisations.some((r) => r.state === 'submitted')) out.push('verify');
  if (mayAct('propose_target', actor, s, rules) && negotiationOpen(s, now) && s.targets.some((t) => !s.proposals.some((p) => p.targetId === t.id && p.state === 'proposed'))) out.push('propose_target');
  if (mayAct('decide_proposal', actor, s, rules) && s.proposals.some((p) => p.state === 'proposed')) out.push('decide_proposal');
  if (mayAct('cancel', actor, s, rules)) out.push('cancel');
  return out;
}

/** The leadership sets targets of the complaint indicators; the admin's own unit never sets its own. */
export function maySetTarget(actor: { role: string }, unitCode: string, adminUnitCode: string): boolean {
  if (actor.role === 'sekda' || actor.role === 'bupati') return true;
  return actor.role === 'admin' && unitCode !== adminUnitCode;
}
