import type { Actor, ActorRole, ReporterActor, StaffActor, SystemActor } from '../actor';
import { HOME_UNIT } from './ticket.mother';

export const ActorMother = {
  admin: (): StaffActor => ({ role: 'admin', userId: 'admin-diskominfosantik', unitCodes: [] }),
  officerOf: (...unitCodes: string[]): StaffActor => ({ role: 'officer', userId: `officer-${unitCodes.join('-')}`, unitCodes }),
  unitHeadOf: (unitCode: string): StaffActor => ({ role: 'unit_head', userId: `head-${unitCode}`, unitCodes: [unitCode] }),
  asdaOver: (...unitCodes: string[]): StaffActor => ({ role: 'asda', userId: 'asda-ii', unitCodes }),
  sekda: (): StaffActor => ({ role: 'sekda', userId: 'sekda', unitCodes: [] }),
  bupati: (): StaffActor => ({ role: 'bupati', userId: 'bupati', unitCodes: [] }),
  system: (userId = 'routing'): SystemActor => ({ role: 'system', userId }),
  reporter: (): ReporterActor => ({ role: 'reporter' }),

  /** An actor of `role`; the unit-bound ones (and Asda) belong to `unitCode`. */
  ofRole(role: ActorRole, unitCode: string = HOME_UNIT): Actor {
    switch (role) {
      case 'admin':
        return ActorMother.admin();
      case 'officer':
        return ActorMother.officerOf(unitCode);
      case 'unit_head':
        return ActorMother.unitHeadOf(unitCode);
      case 'asda':
        return ActorMother.asdaOver(unitCode);
      case 'sekda':
        return ActorMother.sekda();
      case 'bupati':
        return ActorMother.bupati();
      case 'system':
        return ActorMother.system();
      case 'reporter':
        return ActorMother.reporter();
    }
  },
};
