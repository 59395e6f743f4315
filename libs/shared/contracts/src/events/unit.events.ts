import { Type } from '@sinclair/typebox';
import { defineEvent, type EventData } from '../event-definition';
import { TOPICS } from '../topics';
import { Timestamp, UnitCode } from './common.schema';

const AsdaGroup = Type.Union([Type.Literal('I'), Type.Literal('II'), Type.Literal('III')], { description: 'Asisten Daerah group' });

export const UnitRegroupedV1 = defineEvent({
  name: 'unit.regrouped',
  version: 1,
  topic: TOPICS.units,
  description:
    "An admin moved a unit to another Asisten Daerah group in desk's units table (subject and key: the unit code). Services keep their own copy of the groups from these events; the latest changedAt wins.",
  schema: Type.Object({
    unitCode: UnitCode,
    asdaGroup: AsdaGroup,
    previousAsdaGroup: AsdaGroup,
    changedAt: Timestamp,
    changedBy: Type.String({ minLength: 1, maxLength: 200, description: 'Username of the admin' }),
  }),
});
export type UnitRegrouped = EventData<typeof UnitRegroupedV1>;
