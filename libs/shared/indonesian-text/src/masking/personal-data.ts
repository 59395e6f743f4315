// Citizens paste their NIK, phone number, e-mail and name into complaint texts. Whatever leaves intake
// for units and dashboards carries the text with those replaced by readable placeholders, so an
// officer still sees that the reporter gave a number without seeing the number.

export type PersonalDataKind = 'nik' | 'phone' | 'email' | 'name';

export interface PersonalDataMatch {
  kind: PersonalDataKind;
  /** Offsets into the original text, end exclusive. */
  start: number;
  end: number;
  text: string;
}

export const PERSONAL_DATA_PLACEHOLDERS: Readonly<Record<PersonalDataKind, string>> = {
  nik: '[NIK disamarkan]',
  phone: '[nomor telepon disamarkan]',
  email: '[email disamarkan]',
  name: '[nama disamarkan]',
};

// One separator at most between digits: "3216 9901 0190 0001", "0812-0000-0101", "0812.0000.0101".
const SEP = '[ .\\-]?';
const NOT_AFTER_DIGITS = `(?!${SEP}\\d)`;

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;

// Any 16-digit number is treated as a NIK: a KK number or a card number has the same length and is
// as personal, so telling them apart would only add ways to leak. "Rp" in front marks money.
const NIK = new RegExp(`(?<![\\d.\\-]|Rp\\s?)\\d(?:${SEP}\\d){15}${NOT_AFTER_DIGITS}`, 'gi');

// Mobile numbers: 08 followed by 8-11 digits, or +62 / 62 / (+62) then 8 and 8-11 digits;
// with "+62" also fixed lines (area code then 6-8 digits). "pukul 08.00", "08-10-2026",
// "RT 03/RW 05" and 7-digit tracking ids are all too short to match.
const NOT_AFTER_WORD_OR_MONEY = '(?<![\\p{L}\\p{N}+]|[Rr][Pp]\\s?)';
const PHONE = new RegExp(
  [
    `${NOT_AFTER_WORD_OR_MONEY}08(?:${SEP}\\d){8,11}${NOT_AFTER_DIGITS}`,
    `${NOT_AFTER_WORD_OR_MONEY}(?:\\(\\+62\\)|\\+62|62)${SEP}(?:\\(0\\)${SEP})?8(?:${SEP}\\d){8,11}${NOT_AFTER_DIGITS}`,
    `${NOT_AFTER_WORD_OR_MONEY}(?:\\(\\+62\\)|\\+62)${SEP}\\(?[2-7]\\d{1,2}\\)?(?:${SEP}\\d){6,8}${NOT_AFTER_DIGITS}`,
  ].join('|'),
  'gu',
);

// A name is only recognisable where the reporter introduces it ("nama saya Budi Santoso", "atas
// nama Siti", "saya bernama Dede"): one to four capitalised words after the phrase. Names written
// anywhere else cannot be told from place and unit names without a dictionary of people.
const NAME = /(?<=\b(?:[Nn]ama [Ss]aya|[Ss]aya [Bb]ernama|[Aa]tas [Nn]ama|[Aa]\.[Nn]\.)\s+)\p{Lu}[\p{Ll}']+(?:\s+\p{Lu}[\p{Ll}']+){0,3}/gu;

/**
 * Kinds are searched one after another, and each found span is blanked before the next search, so
 * a phone number inside an e-mail address is reported once (as e-mail) and a phone number
 * followed by a NIK is not read as one long number.
 */
const DETECTION_ORDER: ReadonlyArray<[PersonalDataKind, RegExp]> = [
  ['email', EMAIL],
  ['nik', NIK],
  ['phone', PHONE],
  ['name', NAME],
];

export function detectPersonalData(text: string): PersonalDataMatch[] {
  const matches: PersonalDataMatch[] = [];
  let remaining = text;
  for (const [kind, pattern] of DETECTION_ORDER) {
    for (const found of remaining.matchAll(pattern)) {
      const start = found.index;
      const end = start + found[0].length;
      matches.push({ kind, start, end, text: text.slice(start, end) });
    }
    remaining = blankSpans(remaining, matches);
  }
  return matches.sort((a, b) => a.start - b.start);
}

/** Spans replaced by a same-length filler that no pattern matches, keeping offsets valid. */
function blankSpans(text: string, spans: readonly PersonalDataMatch[]): string {
  let result = text;
  for (const { start, end } of spans) {
    result = result.slice(0, start) + '\u2591'.repeat(end - start) + result.slice(end);
  }
  return result;
}

/** `text` with every NIK, phone number and e-mail address replaced by its placeholder. */
export function maskPersonalData(text: string): string {
  let masked = '';
  let cursor = 0;
  for (const match of detectPersonalData(text)) {
    masked += text.slice(cursor, match.start) + PERSONAL_DATA_PLACEHOLDERS[match.kind];
    cursor = match.end;
  }
  return masked + text.slice(cursor);
}
