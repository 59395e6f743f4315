import { STAFF_ROLES } from './actor';
import { reporterChannelFor, reporterWordsFor, seesReporterDetails } from './reporter-privacy';

const REPLY = 'Lokasi di RT 03/RW 07, hubungi saya di 0812-3456-7890, NIK 3216010101900001.';
const KINDS = [
  { name: 'biasa', privacy: { anonymous: false, confidential: false } },
  { name: 'Anonim', privacy: { anonymous: true, confidential: false } },
  { name: 'Rahasia', privacy: { anonymous: false, confidential: true } },
  { name: 'Anonim|Rahasia', privacy: { anonymous: true, confidential: true } },
];

describe('reporter privacy: who sees what could identify the reporter', () => {
  for (const { name, privacy } of KINDS) {
    for (const role of STAFF_ROLES) {
      const sees = name === 'biasa' || role === 'admin';
      it(`${role} ${sees ? 'sees' : 'does not see'} the reporter's details of a ${name} report`, () => {
        expect(seesReporterDetails(role, privacy)).toBe(sees);
        expect(reporterChannelFor(role, privacy, 'WhatsApp')).toBe(sees ? 'WhatsApp' : null);
        const words = reporterWordsFor(role, privacy, REPLY);
        if (sees) expect(words).toBe(REPLY);
        else {
          expect(words).not.toContain('0812-3456-7890');
          expect(words).not.toContain('3216010101900001');
          expect(words).toContain('RT 03/RW 07');
        }
      });
    }
  }

  it('keeps an absent reply absent', () => {
    expect(reporterWordsFor('officer', { anonymous: true, confidential: false }, null)).toBeNull();
  });
});
