import { isStaffRole, type AsdaGroupCode, type StaffRole } from './roles';

/** The signed-in user as the token says, checked against the user store on every request where one is wired. */
export interface AuthPrincipal {
  readonly userId: string;
  readonly username: string;
  readonly role: StaffRole;
  /** Officer and unit head: their unit. */
  readonly unitCode: string | null;
  /** Asda: which Asisten Daerah group. */
  readonly asdaGroup: AsdaGroupCode | null;
  /** Raised when the user's role, unit, password or activity changes: older tokens stop working. */
  readonly sessionVersion: number;
}

/** JWT claims; short names keep the token small. */
export interface AccessTokenClaims {
  sub: string;
  usr: string;
  role: StaffRole;
  unit: string | null;
  asda: AsdaGroupCode | null;
  sv: number;
}

export function claimsOf(principal: AuthPrincipal): AccessTokenClaims {
  return {
    sub: principal.userId,
    usr: principal.username,
    role: principal.role,
    unit: principal.unitCode,
    asda: principal.asdaGroup,
    sv: principal.sessionVersion,
  };
}

export function principalOf(claims: Partial<AccessTokenClaims>): AuthPrincipal | null {
  if (typeof claims.sub !== 'string' || typeof claims.usr !== 'string' || !isStaffRole(claims.role)) return null;
  return {
    userId: claims.sub,
    username: claims.usr,
    role: claims.role,
    unitCode: typeof claims.unit === 'string' ? claims.unit : null,
    asdaGroup: claims.asda ?? null,
    sessionVersion: typeof claims.sv === 'number' ? claims.sv : 0,
  };
}
