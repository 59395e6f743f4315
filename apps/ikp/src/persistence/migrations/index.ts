import { CreateMessagingTables1763900000000 } from '@bekasi/messaging';
import { CreateUnitGroups1765000000000 } from '@bekasi/unit-directory';
import { CreateIkpTables1764400000000 } from './1764400000000-create-ikp-tables';
import { CreateInstructions1764400000001 } from './1764400000001-create-instructions';
import { MeasurableInstructionsBudgetClose1764400000002 } from './1764400000002-measurable-instructions-budget-close';
import { InstructionEvidenceFiles1764400000003 } from './1764400000003-instruction-evidence-files';

/** Every migration of the ikp schema, in order (the service and its command-line tools). */
export const IKP_MIGRATIONS = [CreateMessagingTables1763900000000, CreateIkpTables1764400000000, CreateInstructions1764400000001, MeasurableInstructionsBudgetClose1764400000002, InstructionEvidenceFiles1764400000003, CreateUnitGroups1765000000000];
