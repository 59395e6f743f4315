import { FormatRegistry, type Static, type TSchema } from '@sinclair/typebox';
import { TypeCompiler, type TypeCheck } from '@sinclair/typebox/compiler';
import { EVENT_TYPE_PREFIX } from './envelope';
import type { TopicName } from './topics';

/**
 * One event type: its name, version, topic and JSON Schema (TypeBox, so the TypeScript type and the
 * schema published in the AsyncAPI document come from one definition). A breaking change is a new
 * version defined beside the old one, never an edit of a published one.
 */
export interface EventDefinition<S extends TSchema = TSchema> {
  name: string;
  version: number;
  /** Full CloudEvents type, e.g. `id.go.bekasi.lapor.complaint.received.v1`. */
  type: string;
  topic: TopicName;
  description: string;
  schema: S;
}

export type EventData<D> = D extends EventDefinition<infer S> ? Static<S> : never;

export function defineEvent<S extends TSchema>(spec: {
  name: string;
  version: number;
  topic: TopicName;
  description: string;
  schema: S;
}): EventDefinition<S> {
  return { ...spec, type: `${EVENT_TYPE_PREFIX}${spec.name}.v${spec.version}` };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
if (!FormatRegistry.Has('uuid')) FormatRegistry.Set('uuid', (v) => UUID.test(v));
if (!FormatRegistry.Has('date-time')) FormatRegistry.Set('date-time', (v) => DATE_TIME.test(v) && !Number.isNaN(Date.parse(v)));

const compiled = new WeakMap<TSchema, TypeCheck<TSchema>>();

export interface SchemaViolation {
  path: string;
  message: string;
}

/** Checks event data against its schema; an empty list means valid. */
export function validateEventData(definition: EventDefinition, data: unknown): SchemaViolation[] {
  let check = compiled.get(definition.schema);
  if (!check) {
    check = TypeCompiler.Compile(definition.schema);
    compiled.set(definition.schema, check);
  }
  if (check.Check(data)) return [];
  return [...check.Errors(data)].slice(0, 10).map((e) => ({ path: e.path || '/', message: e.message }));
}
