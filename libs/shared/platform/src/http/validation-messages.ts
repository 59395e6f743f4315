// class-validator's built-in messages are English; users of the API read Bahasa Indonesia. Our own
// DTOs give Indonesian messages where they matter; this turns the remaining defaults into Indonesian
// so no 400 answers in English. Unknown messages pass unchanged.
const RULES: ReadonlyArray<[RegExp, string]> = [
  [/^property (\S+) should not exist$/, '$1 tidak dikenal'],
  [/^(\S+) must not be greater than (.+)$/, '$1 paling besar $2'],
  [/^(\S+) must not be less than (.+)$/, '$1 paling kecil $2'],
  [/^(\S+) must be an integer number$/, '$1 harus bilangan bulat'],
  [/^(\S+) must be a number conforming to the specified constraints$/, '$1 harus berupa angka'],
  [/^(\S+) must be a positive number$/, '$1 harus lebih besar dari 0'],
  [/^(\S+) must be a string$/, '$1 harus berupa teks'],
  [/^(\S+) must be a boolean value$/, '$1 harus true atau false'],
  [/^(\S+) must be one of the following values: (.*)$/, '$1 harus salah satu dari: $2'],
  [/^(\S+) must be a valid enum value$/, '$1 tidak termasuk nilai yang diizinkan'],
  [/^(\S+) should not be empty$/, '$1 wajib diisi'],
  [/^(\S+) should not be null or undefined$/, '$1 wajib diisi'],
  [/^(\S+) must be longer than or equal to (\d+) characters?$/, '$1 paling sedikit $2 karakter'],
  [/^(\S+) must be shorter than or equal to (\d+) characters?$/, '$1 paling panjang $2 karakter'],
  [/^(\S+) must be a UUID$/, '$1 harus berupa UUID'],
  [/^(\S+) must be an email$/, '$1 harus berupa alamat e-mail'],
  [/^(\S+) must be a valid ISO 8601 date string$/, '$1 harus berupa tanggal ISO 8601'],
  [/^(\S+) must be a Date instance$/, '$1 harus berupa tanggal'],
  [/^(\S+) must match .* regular expression$/, '$1 tidak sesuai format yang diminta'],
  [/^(\S+) must be an array$/, '$1 harus berupa daftar'],
  [/^(\S+) must be an object$/, '$1 harus berupa objek'],
  [/^(\S+) must contain at least (\d+) elements?$/, '$1 paling sedikit berisi $2 unsur'],
  [/^(\S+) must contain no more than (\d+) elements?$/, '$1 paling banyak berisi $2 unsur'],
  [/^(\S+) must be a URL address$/, '$1 harus berupa alamat URL'],
  [/^nested property (\S+) must be either object or array$/, '$1 harus berupa objek atau daftar'],
];

export function indonesianValidationMessage(message: string): string {
  const each = /^each value in (.+)$/.exec(message);
  if (each) {
    const inner = indonesianValidationMessage(each[1]);
    return inner === each[1] ? message : `setiap nilai dalam ${inner}`;
  }
  for (const [pattern, replacement] of RULES) if (pattern.test(message)) return message.replace(pattern, replacement);
  return message;
}
