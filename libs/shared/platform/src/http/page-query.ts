import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** Paging of every list endpoint: 1-based page, at most 200 items. Query DTOs extend it. */
export class PageQuery {
  @IsOptional() @Type(() => Number) @IsInt({ message: 'page harus bilangan bulat' }) @Min(1, { message: 'page paling kecil 1' })
  page = 1;

  @IsOptional() @Type(() => Number) @IsInt({ message: 'pageSize harus bilangan bulat' }) @Min(1, { message: 'pageSize paling kecil 1' }) @Max(200, { message: 'pageSize paling besar 200' })
  pageSize = 50;
}
