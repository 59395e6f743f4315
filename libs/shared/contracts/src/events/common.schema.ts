import { Type, type TSchema } from '@sinclair/typebox';

export const Uuid = Type.String({ format: 'uuid' });
export const Timestamp = Type.String({ format: 'date-time', description: 'RFC 3339 timestamp' });
export const UnitCode = Type.String({ minLength: 1, maxLength: 64, description: 'Code of a perangkat daerah, e.g. DINSOS or KEC_BABELAN' });
export const KecamatanCode = Type.Union([Type.String({ minLength: 1, maxLength: 64 }), Type.Null()], {
  description: 'kebab-case kecamatan code (e.g. tambun-selatan), or null when unknown',
});
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const Classification = Type.Union(
  [
    Type.Literal('Pengaduan Berkadar Pengawasan'),
    Type.Literal('Pengaduan Tidak Berkadar Pengawasan'),
    Type.Literal('Aspirasi'),
    Type.Literal('Permintaan Informasi'),
    Type.Null(),
  ],
  { description: 'SP4N-LAPOR! classification; null when not yet classified' },
);

export const Priority = Type.Union([Type.Literal('normal'), Type.Literal('high')], {
  description: "high for reports the Bupati's channel (Lapor AA Bupati) forwards with a priority flag",
});

export const ActorRef = Type.Object(
  {
    role: Type.Union(
      ['admin', 'officer', 'unit_head', 'asda', 'sekda', 'bupati', 'system', 'reporter'].map((r) => Type.Literal(r)),
    ),
    userId: Type.Optional(Nullable(Type.String())),
    name: Type.Optional(Nullable(Type.String())),
  },
  { description: 'Who caused the change' },
);

export const Candidate = Type.Object({ unitCode: UnitCode, score: Type.Number({ minimum: 0, maximum: 1 }) });

export const DecisionReason = Type.Object({
  source: Type.Union([Type.Literal('rule'), Type.Literal('gazetteer'), Type.Literal('model'), Type.Literal('admin'), Type.Literal('policy')]),
  text: Type.String({ description: 'Human-readable reason in Bahasa Indonesia' }),
  unitCode: Type.Optional(Nullable(UnitCode)),
  detail: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
});
