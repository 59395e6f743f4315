import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { ASDA_GROUPS, STAFF_ROLES, type AsdaGroupCode, type StaffRole } from '@bekasi/auth';

export class LoginDto {
  @ApiProperty({ example: 'officer.dinsos' }) @IsString() @MinLength(1) @MaxLength(100)
  username!: string;
  @ApiProperty({ example: 'bekasi-demo-2026' }) @IsString() @MinLength(1) @MaxLength(200)
  password!: string;
}

export class RefreshDto {
  @ApiProperty({ description: 'The refreshToken of the last login or refresh' })
  @IsString({ message: 'refreshToken harus berupa teks' }) @MinLength(20, { message: 'refreshToken tidak sah' }) @MaxLength(4000, { message: 'refreshToken tidak sah' })
  refreshToken!: string;
}

export class CreateUserDto {
  @ApiProperty({ example: 'officer.dinsos' }) @IsString() @Matches(/^[a-z0-9._-]{3,64}$/, { message: 'username: 3–64 huruf kecil, angka, titik, garis bawah atau tanda hubung' })
  username!: string;
  @ApiProperty({ example: 'Petugas Dinas Sosial' }) @IsString() @MinLength(1) @MaxLength(200)
  displayName!: string;
  @ApiProperty({ enum: STAFF_ROLES }) @IsIn(STAFF_ROLES)
  role!: StaffRole;
  @ApiPropertyOptional({ description: 'Required for officer and unit_head' }) @IsOptional() @ValidateIf((_, v) => v !== null) @IsString() @MaxLength(64)
  unitCode?: string | null;
  @ApiPropertyOptional({ enum: ASDA_GROUPS, description: 'Required for asda' }) @IsOptional() @ValidateIf((_, v) => v !== null) @IsIn(ASDA_GROUPS)
  asdaGroup?: AsdaGroupCode | null;
  @ApiProperty({ minLength: 10 }) @IsString() @MinLength(10, { message: 'Kata sandi minimal 10 karakter' }) @MaxLength(200)
  password!: string;
}

export class UpdateUserDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(200)
  displayName?: string;
  @ApiPropertyOptional({ enum: STAFF_ROLES }) @IsOptional() @IsIn(STAFF_ROLES)
  role?: StaffRole;
  @ApiPropertyOptional() @IsOptional() @ValidateIf((_, v) => v !== null) @IsString() @MaxLength(64)
  unitCode?: string | null;
  @ApiPropertyOptional({ enum: ASDA_GROUPS }) @IsOptional() @ValidateIf((_, v) => v !== null) @IsIn(ASDA_GROUPS)
  asdaGroup?: AsdaGroupCode | null;
}

export class ResetPasswordDto {
  @ApiProperty({ minLength: 10 }) @IsString() @MinLength(10, { message: 'Kata sandi minimal 10 karakter' }) @MaxLength(200)
  password!: string;
}

export class UpdateUnitDto {
  @ApiProperty({ enum: ASDA_GROUPS }) @IsIn(ASDA_GROUPS)
  asdaGroup!: AsdaGroupCode;
}
