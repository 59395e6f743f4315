// Instruksi Khusus Pimpinan: a special instruction of the leadership to one unit, tied to a current
// issue, with a target and a due date ("kasus kekerasan anak ditangani tuntas dalam satu bulan").
// The unit reports progress and completion; the IKP score counts instructions done by their date.

export type InstructionState = 'active' | 'done' | 'cancelled';
export type InstructionStanding = 'on_track' | 'overdue' | 'done_on_time' | 'done_late' | 'cancelled';

export interface Instruction {
  dueAt: Date;
  state: InstructionState;
  completedAt: Date | null;
}

export function standingOf(instruction: Instruction, now: Date): InstructionStanding {
  if (instruction.state === 'cancelled') return 'cancelled';
  if (instruction.state === 'done') return instruction.completedAt && instruction.completedAt.getTime() <= instruction.dueAt.getTime() ? 'done_on_time' : 'done_late';
  return now.getTime() > instruction.dueAt.getTime() ? 'overdue' : 'on_track';
}

/**
 * Of the instructions due in a period (cancelled ones aside), how many were done by their date, and
 * how many count at all; an instruction still open before its date does not count yet.
 */
export function instructionTally(instructions: readonly Instruction[], now: Date): { due: number; doneOnTime: number } {
  let due = 0;
  let doneOnTime = 0;
  for (const i of instructions) {
    const standing = standingOf(i, now);
    if (standing === 'cancelled' || standing === 'on_track') continue;
    due++;
    if (standing === 'done_on_time') doneOnTime++;
  }
  return { due, doneOnTime };
}

/** Progress is a percentage the unit reports; it never goes back without a reason and never passes 100. */
export function checkProgress(previous: number, next: number, note: string): string | null {
  if (!Number.isFinite(next) || next < 0 || next > 100) return 'Kemajuan harus antara 0 dan 100 persen.';
  if (next < previous && note.trim().length < 10) return 'Kemajuan yang turun perlu penjelasan paling sedikit 10 karakter.';
  return null;
}

export type InstructionReport = 'progress' | 'done' | 'cancelled';

/** The instructed unit (its officers and head) reports progress and completion; only the leadership cancels. */
export function mayReport(kind: InstructionReport, reader: { role: string; unitCode: string | null }, instructedUnit: string): boolean {
  if (kind === 'cancelled') return reader.role === 'sekda' || reader.role === 'bupati';
  return (reader.role === 'officer' || reader.role === 'unit_head') && reader.unitCode === instructedUnit;
}
