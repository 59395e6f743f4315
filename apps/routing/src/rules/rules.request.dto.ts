import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsIn, IsNumber, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';

const RULE_KINDS = ['category', 'keyword', 'kecamatan-topic'] as const;

export class CreateRuleRequest {
  @ApiPropertyOptional({ example: 'pju-perumahan', description: 'Stable id (kebab-case); generated when left out' })
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9-]{1,62}$/, { message: 'ID aturan hanya huruf kecil, angka dan tanda hubung (2–63 karakter)' })
  id?: string;

  @ApiProperty({ enum: RULE_KINDS })
  @IsIn(RULE_KINDS, { message: 'jenis aturan harus category, keyword atau kecamatan-topic' })
  kind!: (typeof RULE_KINDS)[number];

  @ApiProperty({ example: ['lampu jalan perumahan', 'PJU komplek'], description: 'Category names or words and phrases' })
  @ArrayMinSize(1, { message: 'minimal satu pola' })
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @MinLength(2, { each: true, message: 'setiap pola minimal 2 karakter' })
  @MaxLength(120, { each: true })
  patterns!: string[];

  @ApiPropertyOptional({ example: 'DISPERKIMTAN', nullable: true, description: 'Target unit; null only for kecamatan-topic rules' })
  @ValidateIf((o) => o.kind !== 'kecamatan-topic' || o.unitCode !== undefined)
  @IsOptional()
  @Matches(/^[A-Z0-9_]{2,64}$/, { message: 'kode unit harus huruf kapital, angka atau garis bawah' })
  unitCode?: string | null;

  @ApiPropertyOptional({ example: 0, description: '0 normal; each step moves the strength by 0.1' })
  @IsOptional()
  @IsNumber()
  @Min(-5)
  @Max(5)
  priority?: number;

  @ApiPropertyOptional({ example: 'Permintaan Dinas Perkimtan, rapat 3 Nov' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class ChangeRuleRequest {
  @ApiPropertyOptional({ enum: RULE_KINDS })
  @IsOptional()
  @IsIn(RULE_KINDS, { message: 'jenis aturan harus category, keyword atau kecamatan-topic' })
  kind?: (typeof RULE_KINDS)[number];

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @ArrayMinSize(1, { message: 'minimal satu pola' })
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @MinLength(2, { each: true, message: 'setiap pola minimal 2 karakter' })
  @MaxLength(120, { each: true })
  patterns?: string[];

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @Matches(/^[A-Z0-9_]{2,64}$/, { message: 'kode unit harus huruf kapital, angka atau garis bawah' })
  unitCode?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsNumber()
  @Min(-5)
  @Max(5)
  priority?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class TestRulesRequest {
  @ApiProperty({ example: 'Lampu PJU di perumahan Griya Asri mati sebulan, Desa Lambangsari' })
  @IsString()
  @MinLength(1, { message: 'teks wajib diisi' })
  @MaxLength(20_000)
  text!: string;

  @ApiPropertyOptional({ example: 'PJU mati' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  title?: string;

  @ApiPropertyOptional({ example: 'Penerangan Jalan' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  category?: string;
}
