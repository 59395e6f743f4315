import { Type } from '@sinclair/typebox';
import { defineEvent, type EventData } from '../event-definition';
import { TOPICS } from '../topics';
import { Timestamp, UnitCode } from './common.schema';

export const IkpScorePublishedV1 = defineEvent({
  name: 'ikp.score-published',
  version: 1,
  topic: TOPICS.ikp,
  description: "A unit's IKP score for a period was computed and published on the scoreboard.",
  schema: Type.Object({
    unitCode: UnitCode,
    period: Type.String({ pattern: '^\\d{4}-\\d{2}$', description: 'YYYY-MM' }),
    score: Type.Number({ minimum: 0, maximum: 100 }),
    zone: Type.Union([Type.Literal('hijau'), Type.Literal('kuning'), Type.Literal('merah')]),
    components: Type.Record(Type.String(), Type.Number()),
    computedAt: Timestamp,
  }),
});
export type IkpScorePublished = EventData<typeof IkpScorePublishedV1>;
