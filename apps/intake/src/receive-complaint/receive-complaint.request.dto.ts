import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BadRequestException } from '@nestjs/common';
import { isEmail, isISO8601 } from 'class-validator';
import { LAPOR_CLASSIFICATIONS } from '@bekasi/intake-domain';

/** Channels that push complaints; exports come through /imports and the LAPOR! API through the poller. */
export const WEBHOOK_SOURCES = ['lapor-webhook', 'whatsapp', 'web-form', 'call-centre', 'other'] as const;

export class ReporterDto {
  @ApiPropertyOptional({ example: 'Budi Santoso' })
  name?: string;

  @ApiPropertyOptional({ example: '0812-0000-0101' })
  phone?: string;

  @ApiPropertyOptional({ example: 'budi@contoh.id' })
  email?: string;

  @ApiPropertyOptional({ example: '3216990101900001', description: 'NIK, 16 digits' })
  nik?: string;
}

export class CategoryDto {
  @ApiPropertyOptional({ example: '7011' })
  id?: string;

  @ApiPropertyOptional({ example: 'Jalan Berlubang' })
  name?: string;
}

export class ReceiveComplaintRequestDto {
  @ApiPropertyOptional({ enum: WEBHOOK_SOURCES, example: 'whatsapp', description: "The channel's registration decides the source; when given it must be the channel's" })
  source?: (typeof WEBHOOK_SOURCES)[number];

  @ApiProperty({ description: 'Id in the sending system (LAPOR! Tracking ID, WhatsApp message id, ...)', example: 'wa-20261007-0001' })
  externalId!: string;

  @ApiPropertyOptional({ description: 'Sumber Laporan / sub-channel, e.g. "Lapor AA Bupati"', example: 'Lapor AA Bupati' })
  channel?: string;

  @ApiPropertyOptional({ description: 'When the citizen sent it (RFC 3339); LAPOR! channels only, never in the future; now when absent', example: '2026-10-07T10:20:35+07:00' })
  receivedAt?: string;

  @ApiPropertyOptional({ example: 'Jalan berlubang di Jalan Raya Babelan' })
  title?: string;

  @ApiProperty({ example: 'Lubang besar di Jalan Raya Babelan dekat pertigaan Kedungpengawas makin dalam.' })
  text!: string;

  @ApiPropertyOptional({ type: CategoryDto })
  category?: CategoryDto;

  @ApiPropertyOptional({ enum: LAPOR_CLASSIFICATIONS })
  classification?: (typeof LAPOR_CLASSIFICATIONS)[number];

  @ApiPropertyOptional({ description: 'Anonim: the reporter is hidden from units', default: false })
  anonymous?: boolean;

  @ApiPropertyOptional({ description: 'Rahasia: the content is hidden from the public', default: false })
  confidential?: boolean;

  @ApiPropertyOptional({ type: ReporterDto })
  reporter?: ReporterDto;

  @ApiPropertyOptional({ example: 'Desa Kedungpengawas, Kecamatan Babelan' })
  locationText?: string;

  @ApiPropertyOptional({ enum: ['normal', 'high'], description: 'high for reports forwarded with a priority flag (channels registered to set priority only)' })
  priority?: 'normal' | 'high';
}

export class ReceiveComplaintResponseDto {
  @ApiProperty({ format: 'uuid' }) complaintId!: string;
  @ApiProperty({ example: 'BKS-2026-000123' }) trackingId!: string;
  @ApiProperty({ description: 'true when this (source, externalId) had already been received: nothing new was stored' }) duplicate!: boolean;
  @ApiPropertyOptional({ description: "The reporter's capability for reporter actions (X-Reporter-Key); returned only with the first receipt" })
  reporterKey?: string;
}

// The webhook's body is checked here, by hand, instead of by class-validator through the global
// ValidationPipe: that pipe (instantiating, reflecting over metadata, walking every constraint) cost
// more CPU per complaint than storing it. Same answer: 400 naming every bad field with its reasons
// (Bahasa Indonesia), unknown fields refused, absent or null optional fields skipped.

/** One field's checks: each returns its reason when the value fails, or null. */
type Check = (value: unknown) => string | null;
type Shape = Record<string, { required?: boolean; checks: Check[]; nested?: Shape; nestedMessage?: string }>;

const isString = (message: string): Check => (v) => (typeof v === 'string' ? null : message);
const maxLength = (max: number, message: string): Check => (v) => (typeof v === 'string' && v.length <= max ? null : message);
const minLength = (min: number, message: string): Check => (v) => (typeof v === 'string' && v.length >= min ? null : message);
const pattern = (re: RegExp, message: string): Check => (v) => (typeof v === 'string' && re.test(v) ? null : message);
const notEmpty = (message: string): Check => (v) => (v !== '' && v !== null && v !== undefined ? null : message);
const oneOf = (values: readonly unknown[], message: string): Check => (v) => (values.includes(v) ? null : message);
const isBoolean = (message: string): Check => (v) => (typeof v === 'boolean' ? null : message);

const REPORTER: Shape = {
  name: { checks: [isString('nama pelapor harus berupa teks'), maxLength(200, 'nama pelapor paling panjang 200 karakter')] },
  phone: { checks: [pattern(/^\+?[\d\s().-]{8,20}$/, 'nomor telepon tidak valid')] },
  email: { checks: [(v) => (isEmail(v) ? null : 'alamat email tidak valid')] },
  nik: { checks: [pattern(/^\d{16}$/, 'NIK harus 16 digit angka')] },
};

const CATEGORY: Shape = {
  id: { checks: [isString('ID kategori harus berupa teks'), maxLength(64, 'ID kategori paling panjang 64 karakter')] },
  name: { checks: [isString('nama kategori harus berupa teks'), maxLength(200, 'nama kategori paling panjang 200 karakter')] },
};

const RECEIVE_COMPLAINT: Shape = {
  source: { checks: [oneOf(WEBHOOK_SOURCES, `sumber harus salah satu dari: ${WEBHOOK_SOURCES.join(', ')}`)] },
  externalId: {
    required: true,
    checks: [
      isString('externalId harus berupa teks'),
      notEmpty('externalId wajib diisi'),
      maxLength(128, 'externalId paling panjang 128 karakter'),
      pattern(/^[\w.:\-/]+$/, 'externalId hanya boleh berisi huruf, angka dan . : - _ /'),
    ],
  },
  channel: { checks: [isString('kanal harus berupa teks'), maxLength(100, 'kanal paling panjang 100 karakter')] },
  receivedAt: { checks: [(v) => (typeof v === 'string' && isISO8601(v, { strict: true }) ? null : 'receivedAt harus tanggal-waktu ISO 8601')] },
  title: { checks: [isString('judul harus berupa teks'), maxLength(300, 'judul paling panjang 300 karakter')] },
  text: {
    required: true,
    checks: [isString('isi laporan harus berupa teks'), minLength(10, 'isi laporan paling sedikit 10 karakter'), maxLength(20_000, 'isi laporan paling panjang 20000 karakter')],
  },
  category: { checks: [], nested: CATEGORY, nestedMessage: 'kategori harus berupa objek' },
  classification: { checks: [oneOf(LAPOR_CLASSIFICATIONS, `klasifikasi harus salah satu dari: ${LAPOR_CLASSIFICATIONS.join(', ')}`)] },
  anonymous: { checks: [isBoolean('anonymous harus true atau false')] },
  confidential: { checks: [isBoolean('confidential harus true atau false')] },
  reporter: { checks: [], nested: REPORTER, nestedMessage: 'pelapor harus berupa objek' },
  locationText: { checks: [isString('lokasi harus berupa teks'), maxLength(500, 'lokasi paling panjang 500 karakter')] },
  priority: { checks: [oneOf(['normal', 'high'], 'prioritas harus normal atau high')] },
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function problemsOf(value: Record<string, unknown>, shape: Shape, parent: string, out: Array<{ field: string; reasons: string[] }>): void {
  for (const [name, rule] of Object.entries(shape)) {
    const field = parent ? `${parent}.${name}` : name;
    const v = value[name];
    if (v === undefined || v === null) {
      if (rule.required) out.push({ field, reasons: rule.checks.map((check) => check(v)).filter((r): r is string => r !== null) });
      continue;
    }
    if (rule.nested) {
      if (isObject(v)) problemsOf(v, rule.nested, field, out);
      else out.push({ field, reasons: [rule.nestedMessage!] });
      continue;
    }
    const reasons = rule.checks.map((check) => check(v)).filter((r): r is string => r !== null);
    if (reasons.length > 0) out.push({ field, reasons });
  }
  // The sender chose these names: a 200 kB one, or thousands of them, must not come back in full.
  let unknown = 0;
  for (const name of Object.keys(value)) {
    if (Object.hasOwn(shape, name)) continue;
    if (++unknown > MAX_UNKNOWN_REPORTED) {
      out.push({ field: parent || 'body', reasons: [`dan ${Object.keys(value).filter((n) => !Object.hasOwn(shape, n)).length - MAX_UNKNOWN_REPORTED} kolom tidak dikenal lainnya`] });
      break;
    }
    const shown = name.length > MAX_NAME_SHOWN ? `${name.slice(0, MAX_NAME_SHOWN)}…` : name;
    out.push({ field: parent ? `${parent}.${shown}` : shown, reasons: [`${shown} tidak dikenal`] });
  }
}

/** Unknown fields named in a 400 at most (per object), and the characters of each name shown. */
const MAX_UNKNOWN_REPORTED = 20;
const MAX_NAME_SHOWN = 64;

/** The body as a ReceiveComplaintRequestDto, or 400 with every bad field and its reasons. */
export function parseReceiveComplaintRequest(body: unknown): ReceiveComplaintRequestDto {
  const errors: Array<{ field: string; reasons: string[] }> = [];
  if (!isObject(body)) errors.push({ field: 'body', reasons: ['isi permintaan harus berupa objek JSON'] });
  else problemsOf(body, RECEIVE_COMPLAINT, '', errors);
  if (errors.length > 0) throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: 'Data tidak valid', errors });
  return body as unknown as ReceiveComplaintRequestDto;
}
