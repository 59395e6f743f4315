import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

const UNIT_KINDS = ['dinas', 'badan', 'satuan', 'rsud', 'bumd', 'sekretariat', 'kecamatan', 'kelurahan', 'desa', 'pemerintah'] as const;
const ASDA_GROUPS = ['I', 'II', 'III'] as const;
const UNIT_CODE = /^[A-Z0-9_]{2,64}$/;
const UNIT_CODE_MESSAGE = 'kode unit harus huruf kapital, angka atau garis bawah (2–64 karakter)';

export class CreateUnitRequest {
  @ApiProperty({ example: 'DISPARBUD' })
  @Matches(UNIT_CODE, { message: UNIT_CODE_MESSAGE })
  code!: string;

  @ApiProperty({ example: 'Dinas Pariwisata dan Kebudayaan' })
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  name!: string;

  @ApiProperty({ example: 'Disparbud' })
  @IsString()
  @MinLength(2)
  @MaxLength(60)
  abbr!: string;

  @ApiProperty({ enum: UNIT_KINDS })
  @IsIn(UNIT_KINDS, { message: 'jenis unit tidak dikenal' })
  kind!: (typeof UNIT_KINDS)[number];

  @ApiProperty({ enum: ASDA_GROUPS, description: 'Asisten Daerah group' })
  @IsIn(ASDA_GROUPS, { message: 'kelompok Asda harus I, II atau III' })
  asda!: (typeof ASDA_GROUPS)[number];

  @ApiPropertyOptional({ example: 'babelan', description: 'For a camat unit: the kecamatan it governs' })
  @IsOptional()
  @Matches(/^[a-z][a-z-]{1,63}$/, { message: 'kode kecamatan harus huruf kecil dengan tanda hubung' })
  kecamatan?: string;

  @ApiPropertyOptional({ example: ['objek wisata', 'cagar budaya'], description: 'Topics the unit handles (seed the model)' })
  @IsOptional()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @MinLength(2, { each: true })
  @MaxLength(120, { each: true })
  topics?: string[];
}

export class RenameUnitRequest {
  @ApiProperty({ example: 'Dinas Sumber Daya Air dan Bina Marga' })
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ example: 'DSDABM' })
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(60)
  abbr?: string;
}

export class MergeUnitRequest {
  @ApiProperty({ example: 'DISPERKIMTAN', description: 'The unit that takes over the work' })
  @Matches(UNIT_CODE, { message: UNIT_CODE_MESSAGE })
  into!: string;
}
