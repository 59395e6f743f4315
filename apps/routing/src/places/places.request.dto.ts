import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

export class CreatePlaceRequest {
  @ApiProperty({ enum: ['desa', 'kelurahan'] })
  @IsIn(['desa', 'kelurahan'], { message: 'jenis tempat harus desa atau kelurahan' })
  kind!: 'desa' | 'kelurahan';

  @ApiProperty({ example: 'Sukadanau' })
  @IsString()
  @MinLength(3)
  @MaxLength(100)
  name!: string;

  @ApiProperty({ example: 'cikarang-barat' })
  @Matches(/^[a-z][a-z-]{1,63}$/, { message: 'kode kecamatan harus huruf kecil dengan tanda hubung' })
  kecamatanCode!: string;

  @ApiPropertyOptional({ example: ['Suka Danau'] })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MinLength(3, { each: true, message: 'setiap alias minimal 3 karakter' })
  @MaxLength(100, { each: true })
  aliases?: string[];
}

export class AddAliasesRequest {
  @ApiProperty({ example: ['Tambsel', 'Tamsel'] })
  @ArrayMinSize(1, { message: 'minimal satu alias' })
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MinLength(3, { each: true, message: 'setiap alias minimal 3 karakter' })
  @MaxLength(100, { each: true })
  aliases!: string[];
}
