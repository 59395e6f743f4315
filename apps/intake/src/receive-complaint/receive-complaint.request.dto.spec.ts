import { BadRequestException } from '@nestjs/common';
import { parseReceiveComplaintRequest } from './receive-complaint.request.dto';

const valid = {
  source: 'whatsapp',
  externalId: 'wa-20261007-0001',
  channel: 'Lapor AA Bupati',
  receivedAt: '2026-10-07T10:20:35+07:00',
  title: 'Jalan berlubang',
  text: 'Lubang besar di Jalan Raya Babelan dekat pertigaan.',
  category: { id: '7011', name: 'Jalan Berlubang' },
  classification: 'Pengaduan Berkadar Pengawasan',
  anonymous: false,
  confidential: true,
  reporter: { name: 'Budi', phone: '0812-0000-0101', email: 'budi@contoh.id', nik: '3216990101900001' },
  locationText: 'Babelan',
  priority: 'high',
};

/** The field → reasons of the 400 the body gets. */
function problems(body: unknown): Record<string, string[]> {
  try {
    parseReceiveComplaintRequest(body);
  } catch (err) {
    expect(err).toBeInstanceOf(BadRequestException);
    const response = (err as BadRequestException).getResponse() as { statusCode: number; message: string; errors: Array<{ field: string; reasons: string[] }> };
    expect(response).toMatchObject({ statusCode: 400, message: 'Data tidak valid' });
    return Object.fromEntries(response.errors.map((e) => [e.field, e.reasons]));
  }
  return {};
}

describe('parseReceiveComplaintRequest', () => {
  it('takes a complete body as it is, and one with only the required fields', () => {
    expect(parseReceiveComplaintRequest(valid)).toBe(valid);
    expect(problems({ externalId: 'x-1', text: 'sepuluh karakter' })).toEqual({});
  });

  it('skips optional fields that are null', () => {
    expect(problems({ externalId: 'x-1', text: 'sepuluh karakter', title: null, reporter: null, category: null, priority: null })).toEqual({});
  });

  it('names every bad field with its reasons, nested ones by their path', () => {
    const found = problems({
      ...valid,
      source: 'fax',
      externalId: 'has space',
      receivedAt: 'kemarin',
      text: 'pendek',
      title: 'x'.repeat(301),
      classification: 'Lainnya',
      anonymous: 'ya',
      reporter: { phone: 'nomor', email: 'bukan-email', nik: '123' },
      category: { id: 7011 },
      priority: 'urgent',
    });
    expect(found).toEqual({
      source: [expect.stringMatching(/^sumber harus salah satu dari/)],
      externalId: ['externalId hanya boleh berisi huruf, angka dan . : - _ /'],
      receivedAt: ['receivedAt harus tanggal-waktu ISO 8601'],
      text: ['isi laporan paling sedikit 10 karakter'],
      title: ['judul paling panjang 300 karakter'],
      classification: [expect.stringMatching(/^klasifikasi harus salah satu dari/)],
      anonymous: ['anonymous harus true atau false'],
      'reporter.phone': ['nomor telepon tidak valid'],
      'reporter.email': ['alamat email tidak valid'],
      'reporter.nik': ['NIK harus 16 digit angka'],
      'category.id': ['ID kategori harus berupa teks', 'ID kategori paling panjang 64 karakter'],
      priority: ['prioritas harus normal atau high'],
    });
  });

  it('requires externalId and text', () => {
    const found = problems({ source: 'whatsapp' });
    expect(Object.keys(found).sort()).toEqual(['externalId', 'text']);
    expect(found.externalId).toContain('externalId wajib diisi');
    expect(problems({ externalId: '', text: 'sepuluh karakter' }).externalId).toContain('externalId wajib diisi');
  });

  it('refuses unknown fields, at the top and nested, and a nested field that is no object', () => {
    expect(problems({ ...valid, extra: 1, reporter: { name: 'Budi', alamat: 'x' } })).toEqual({ extra: ['extra tidak dikenal'], 'reporter.alamat': ['alamat tidak dikenal'] });
    expect(problems({ ...valid, reporter: 'Budi', category: ['7011'] })).toEqual({ reporter: ['pelapor harus berupa objek'], category: ['kategori harus berupa objek'] });
    expect(Object.entries(problems(JSON.parse('{"externalId":"x-1","text":"sepuluh karakter","__proto__":{"admin":true}}')))).toEqual([['__proto__', ['__proto__ tidak dikenal']]]);
  });

  it('names unknown fields without echoing a huge name or thousands of them', () => {
    const long = 'k'.repeat(100_000);
    expect(problems({ ...valid, [long]: 1 })).toEqual({ [`${'k'.repeat(64)}…`]: [`${'k'.repeat(64)}… tidak dikenal`] });
    const many = Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`x${i}`, i]));
    const found = problems({ ...valid, reporter: { ...many } });
    expect(Object.keys(found)).toHaveLength(21);
    expect(found['reporter.x0']).toEqual(['x0 tidak dikenal']);
    expect(found.reporter).toEqual(['dan 4980 kolom tidak dikenal lainnya']);
    expect(JSON.stringify(found).length).toBeLessThan(2_000);
  });

  it('refuses a body that is no JSON object', () => {
    for (const body of [null, 'teks', 42, [valid]]) expect(Object.keys(problems(body))).toEqual(['body']);
  });
});
