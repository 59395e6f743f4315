/** Roles of the desk's users; bound to positions, not people (leaders change often). */
export const STAFF_ROLES = ['admin', 'officer', 'unit_head', 'asda', 'sekda', 'bupati'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** Roles that belong to exactly one unit. */
export const UNIT_ROLES: readonly StaffRole[] = ['officer', 'unit_head'];

/** Roles that see every unit's tickets. */
export const REGENCY_WIDE_ROLES: readonly StaffRole[] = ['admin', 'sekda', 'bupati'];

export const ASDA_GROUPS = ['I', 'II', 'III'] as const;
export type AsdaGroupCode = (typeof ASDA_GROUPS)[number];

export function isStaffRole(value: unknown): value is StaffRole {
  return typeof value === 'string' && (STAFF_ROLES as readonly string[]).includes(value);
}
