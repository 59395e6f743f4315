import { complaintIdentityKey, isFinalLaporStatus, priorityOf } from './complaint-identity';
import { kecamatanMentionedIn } from '@bekasi/indonesian-text';

describe('complaint identity', () => {
  it('gives a LAPOR! report one key whether polled, pushed or imported', () => {
    const keys = (['lapor-api', 'lapor-webhook', 'lapor-import'] as const).map((s) => complaintIdentityKey(s, ' 9100002 '));
    expect(new Set(keys)).toEqual(new Set(['lapor:9100002']));
    expect(complaintIdentityKey('whatsapp', '9100002')).toBe('whatsapp:9100002');
  });

  it('treats closed, archived and blocked reports as final and open ones as live', () => {
    expect(isFinalLaporStatus('Ditutup oleh Sistem')).toBe(true);
    expect(isFinalLaporStatus('Diarsipkan oleh Admin')).toBe(true);
    expect(isFinalLaporStatus('Konten Terblokir')).toBe(true);
    expect(isFinalLaporStatus('Belum Terverifikasi')).toBe(false);
    expect(isFinalLaporStatus('Menunggu Kelengkapan Informasi')).toBe(false);
    expect(isFinalLaporStatus(null)).toBe(false);
  });

  it('raises the priority of the Bupati channel and of flagged reports only', () => {
    expect(priorityOf({ source: 'whatsapp', channel: 'Lapor AA Bupati' })).toBe('high');
    expect(priorityOf({ source: 'whatsapp', channel: 'lapor aa bupati ' })).toBe('high');
    expect(priorityOf({ source: 'web-form', channel: 'Lapor AA Bupati' })).toBe('normal');
    expect(priorityOf({ source: 'whatsapp', channel: null })).toBe('normal');
    expect(priorityOf({ source: 'call-centre', channel: null }, 'high')).toBe('high');
  });
});

describe('kecamatanMentionedIn', () => {
  it('reads the kecamatan from its name, an alias or a kelurahan', () => {
    expect(kecamatanMentionedIn('Lubang besar di Jalan Raya Babelan')).toBe('babelan');
    expect(kecamatanMentionedIn('perumahan di Desa Mekarsari, Tambun Selatan')).toBe('tambun-selatan');
    expect(kecamatanMentionedIn('lampu mati di Kelurahan Wanasari')).toBe('cibitung');
    expect(kecamatanMentionedIn('tidak ada tempat disebut')).toBeNull();
  });
});
