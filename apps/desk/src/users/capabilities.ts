import type { StaffRole } from '@bekasi/auth';

/** Screens of the web UI; which ones a role works in is decided here, not in the browser. */
export type Screen = 'inbox' | 'triage' | 'dashboard' | 'escalations' | 'ikp' | 'imports' | 'users' | 'units' | 'rules' | 'sla' | 'dead-letters' | 'queues';

export interface Capabilities {
  /** Where the UI lands after sign-in. */
  home: Screen;
  /** The screens offered in the menu, in order. */
  screens: Screen[];
}

const ADMIN_SCREENS: Screen[] = ['triage', 'inbox', 'dashboard', 'escalations', 'ikp', 'imports', 'users', 'units', 'rules', 'sla', 'dead-letters', 'queues'];
const LEADER_SCREENS: Screen[] = ['dashboard', 'inbox', 'escalations', 'ikp'];
const UNIT_SCREENS: Screen[] = ['inbox', 'escalations', 'ikp'];

const BY_ROLE: Record<StaffRole, Capabilities> = {
  admin: { home: 'triage', screens: ADMIN_SCREENS },
  officer: { home: 'inbox', screens: UNIT_SCREENS },
  unit_head: { home: 'inbox', screens: UNIT_SCREENS },
  asda: { home: 'dashboard', screens: LEADER_SCREENS },
  sekda: { home: 'dashboard', screens: LEADER_SCREENS },
  bupati: { home: 'dashboard', screens: LEADER_SCREENS },
};

export function capabilitiesOf(role: StaffRole): Capabilities {
  return BY_ROLE[role];
}
