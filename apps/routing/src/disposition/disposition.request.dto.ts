import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export class AdminDispositionRequest {
  @ApiProperty({ example: 'SDABMBK', description: 'Code of the unit the admin disposes the complaint to' })
  @IsString()
  @Matches(/^[A-Z0-9_]{2,64}$/, { message: 'kode unit harus huruf kapital, angka atau garis bawah' })
  unitCode!: string;

  @ApiPropertyOptional({ example: 'Lokasi di jalan kabupaten', description: 'Why, for the record' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}
