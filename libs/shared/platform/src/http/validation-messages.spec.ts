import 'reflect-metadata';
import { plainToInstance, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsString, IsUUID, Max, MaxLength, Min, MinLength, validateSync } from 'class-validator';
import { indonesianValidationMessage } from './validation-messages';

class Sample {
  @Type(() => Number) @IsInt() @Min(1) @Max(100) pageSize!: number;
  @IsString() @MinLength(3) @MaxLength(5) name!: string;
  @IsIn(['a', 'b']) kind!: string;
  @IsUUID() id!: string;
  @IsBoolean() flag!: boolean;
  @IsNotEmpty() required!: string;
}

describe('Indonesian validation messages', () => {
  it('turns class-validator\'s own English messages into Bahasa Indonesia', () => {
    const errors = validateSync(plainToInstance(Sample, { pageSize: 500, name: 'ab', kind: 'c', id: 'x', flag: 'ya', required: '' }));
    const messages = errors.flatMap((e) => Object.values(e.constraints ?? {})).map(indonesianValidationMessage).sort();
    expect(messages).toEqual(
      [
        'flag harus true atau false',
        'id harus berupa UUID',
        'kind harus salah satu dari: a, b',
        'name paling sedikit 3 karakter',
        'pageSize paling besar 100',
        'required wajib diisi',
      ].sort(),
    );
  });

  it('translates "each value in" and unknown properties, and leaves its own Indonesian messages alone', () => {
    expect(indonesianValidationMessage('each value in status must be one of the following values: a, b')).toBe('setiap nilai dalam status harus salah satu dari: a, b');
    expect(indonesianValidationMessage('property foo should not exist')).toBe('foo tidak dikenal');
    expect(indonesianValidationMessage('isi laporan paling sedikit 10 karakter')).toBe('isi laporan paling sedikit 10 karakter');
  });
});
