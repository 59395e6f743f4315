// Reports as the SP4N-LAPOR! integration API hands them out. Its real shape is documented only to
// accounts with the developer role, so the field names are a mapping a regency can change by
// configuration; the default is the shape lapor-sim serves.
import { ComplaintDraft, titleFromText } from '../complaint-draft';
import { recogniseClassification, recogniseLaporStatus } from '../lapor-vocabulary';
import { cleanText } from './text-hygiene';

export type LaporApiField =
  | 'externalId'
  | 'receivedAt'
  | 'title'
  | 'text'
  | 'classification'
  | 'categoryId'
  | 'categoryName'
  | 'anonymous'
  | 'confidential'
  | 'channel'
  | 'locationText'
  | 'reporterName'
  | 'reporterPhone'
  | 'reporterEmail'
  | 'laporStatus';

/** Our field → dotted path in the API's record. */
export type LaporApiFieldMapping = Readonly<Record<LaporApiField, string>>;

export const DEFAULT_LAPOR_API_FIELD_MAPPING: LaporApiFieldMapping = {
  externalId: 'tracking_id',
  receivedAt: 'created_at',
  title: 'title',
  text: 'content',
  classification: 'classification',
  categoryId: 'category.id',
  categoryName: 'category.name',
  anonymous: 'is_anonymous',
  confidential: 'is_secret',
  channel: 'source',
  locationText: 'location.address',
  reporterName: 'reporter.name',
  reporterPhone: 'reporter.phone',
  reporterEmail: 'reporter.email',
  laporStatus: 'status',
};

const FIELDS = Object.keys(DEFAULT_LAPOR_API_FIELD_MAPPING) as LaporApiField[];

/** A mapping from configuration: the default with the given fields replaced; unknown fields refused. */
export function laporApiFieldMapping(overrides: Record<string, unknown> = {}): LaporApiFieldMapping {
  const unknown = Object.keys(overrides).filter((key) => !FIELDS.includes(key as LaporApiField));
  if (unknown.length > 0) throw new Error(`unknown LAPOR! API fields in the mapping: ${unknown.join(', ')} (known: ${FIELDS.join(', ')})`);
  for (const [key, path] of Object.entries(overrides)) {
    if (typeof path !== 'string' || path.trim() === '') throw new Error(`the mapping of ${key} must be a non-empty path`);
  }
  return { ...DEFAULT_LAPOR_API_FIELD_MAPPING, ...(overrides as Partial<LaporApiFieldMapping>) };
}

export interface LaporApiRejection {
  externalId: string | null;
  field: LaporApiField;
  reason: string;
}

export type LaporApiReading = { draft: ComplaintDraft; rejection?: undefined } | { draft?: undefined; rejection: LaporApiRejection };

function at(record: unknown, path: string): unknown {
  let value: unknown = record;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** A field's text, cleaned of NUL, control characters and invalid Unicode (see text-hygiene). */
function text(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return null;
  const trimmed = cleanText(value).trim();
  return trimmed === '' ? null : trimmed;
}

function flag(value: unknown): boolean | undefined {
  if (value === undefined || value === null || value === '') return false;
  if (typeof value === 'boolean') return value;
  if (value === 1 || value === '1' || value === 'true') return true;
  if (value === 0 || value === '0' || value === 'false') return false;
  return undefined;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** One API record as a complaint draft, or the first field that makes it unusable and why. */
export function readLaporApiRecord(record: unknown, mapping: LaporApiFieldMapping = DEFAULT_LAPOR_API_FIELD_MAPPING): LaporApiReading {
  const get = (field: LaporApiField) => at(record, mapping[field]);
  const externalId = text(get('externalId'));
  const reject = (field: LaporApiField, reason: string): LaporApiReading => ({ rejection: { externalId, field, reason } });
  if (record === null || typeof record !== 'object' || Array.isArray(record)) return reject('externalId', 'Data laporan bukan objek.');
  if (externalId === null) return reject('externalId', 'Tracking ID kosong.');

  const receivedText = text(get('receivedAt'));
  if (receivedText === null) return reject('receivedAt', 'Waktu laporan masuk kosong.');
  if (!ISO_INSTANT.test(receivedText) || Number.isNaN(Date.parse(receivedText))) {
    return reject('receivedAt', `Waktu laporan masuk "${receivedText}" bukan waktu ISO 8601 dengan zona waktu.`);
  }
  const body = text(get('text'));
  if (body === null) return reject('text', 'Isi laporan kosong.');

  const classificationText = text(get('classification'));
  const classification = classificationText === null ? null : recogniseClassification(classificationText);
  if (classificationText !== null && classification === null) {
    return reject('classification', `Klasifikasi "${classificationText}" tidak dikenal.`);
  }
  const anonymous = flag(get('anonymous'));
  if (anonymous === undefined) return reject('anonymous', 'Penanda Anonim harus true atau false.');
  // An unreadable flag is refused rather than read as "public": guessing wrong would expose a report.
  const confidential = flag(get('confidential'));
  if (confidential === undefined) return reject('confidential', 'Penanda Rahasia harus true atau false.');

  const categoryId = text(get('categoryId'));
  const categoryName = text(get('categoryName'));
  const statusRaw = text(get('laporStatus'));
  const reporterName = text(get('reporterName'));
  const reporterPhone = text(get('reporterPhone'));
  const reporterEmail = text(get('reporterEmail'));
  return {
    draft: {
      source: 'lapor-api',
      externalId,
      channel: text(get('channel')),
      receivedAt: new Date(receivedText),
      title: text(get('title')) ?? titleFromText(body),
      text: body,
      category: categoryId === null && categoryName === null ? null : { id: categoryId, name: categoryName },
      classification,
      anonymous,
      confidential,
      reporter: reporterName || reporterPhone || reporterEmail ? { name: reporterName, phone: reporterPhone, email: reporterEmail } : null,
      locationText: text(get('locationText')),
      attachments: [],
      historicalDisposition: {
        disposedToRaw: null,
        unitCode: null,
        laporStatus: statusRaw === null ? null : recogniseLaporStatus(statusRaw),
        laporStatusRaw: statusRaw,
        holdOrArchiveReason: null,
      },
    },
  };
}
