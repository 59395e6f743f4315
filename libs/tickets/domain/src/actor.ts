import type { BilingualText } from './bilingual-text';

export const STAFF_ROLES = ['admin', 'officer', 'unit_head', 'asda', 'sekda', 'bupati'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const ACTOR_ROLES = [...STAFF_ROLES, 'system', 'reporter'] as const;
export type ActorRole = (typeof ACTOR_ROLES)[number];

/** A signed-in user of the desk. `unitCodes` scopes officers and unit heads (and Asda, who only reads). */
export interface StaffActor {
  readonly role: StaffRole;
  readonly userId: string;
  readonly unitCodes: readonly string[];
}

/** Routing, the SLA auto-close job, intake: automation acting on its own authority. */
export interface SystemActor {
  readonly role: 'system';
  /** Which automation acted, e.g. `routing` or `sla-auto-close`; goes to the audit trail. */
  readonly userId?: string;
}

/**
 * The citizen, through an intake channel. The channel has already matched the message to this
 * ticket; the reporter's identity stays in intake and is not needed to decide.
 */
export interface ReporterActor {
  readonly role: 'reporter';
  readonly userId?: string;
}

export type Actor = StaffActor | SystemActor | ReporterActor;

/** Who caused a change, as recorded in events and the audit trail. */
export interface ActorRef {
  readonly role: ActorRole;
  readonly userId: string | null;
}

/** Bound to their units: they may act only on tickets disposed to one of them. */
export const UNIT_BOUND_ROLES: readonly ActorRole[] = ['officer', 'unit_head'];

/** Leadership follows tickets but never moves them; escalation reaches them by alerts, not by actions. */
export const READ_ONLY_ROLES: readonly ActorRole[] = ['asda', 'sekda', 'bupati'];

export function isUnitBound(role: ActorRole): boolean {
  return UNIT_BOUND_ROLES.includes(role);
}

/** True when a unit-bound actor may act on a ticket of `unitCode`; other roles are not scoped by unit. */
export function actsForUnit(actor: Actor, unitCode: string | null): boolean {
  if (!isUnitBound(actor.role)) return true;
  return unitCode !== null && 'unitCodes' in actor && actor.unitCodes.includes(unitCode);
}

export function actorRefOf(actor: Actor): ActorRef {
  return { role: actor.role, userId: actor.userId ?? null };
}

export const ROLE_LABELS: Readonly<Record<ActorRole, BilingualText>> = {
  admin: { id: 'Admin LAPOR!', en: 'LAPOR admin' },
  officer: { id: 'Petugas penghubung', en: 'Liaison officer' },
  unit_head: { id: 'Kepala perangkat daerah', en: 'Head of unit' },
  asda: { id: 'Asisten Daerah', en: 'Assistant to the Sekda' },
  sekda: { id: 'Sekretaris Daerah', en: 'Regional Secretary' },
  bupati: { id: 'Bupati', en: 'Regent' },
  system: { id: 'Sistem', en: 'System' },
  reporter: { id: 'Pelapor', en: 'Reporter' },
};
