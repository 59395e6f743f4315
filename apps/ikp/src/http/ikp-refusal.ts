import { BadRequestException, ConflictException, ForbiddenException, NotFoundException } from '@nestjs/common';
import type { InstructionRefusal } from '@bekasi/ikp-domain';

/** A refusal of the domain as the HTTP answer it is (messages in Bahasa Indonesia). */
export function refusalException(r: InstructionRefusal) {
  switch (r.code) {
    case 'FORBIDDEN':
      return new ForbiddenException({ statusCode: 403, error: 'FORBIDDEN', message: r.message });
    case 'NOT_FOUND':
      return new NotFoundException({ statusCode: 404, error: 'NOT_FOUND', message: r.message });
    case 'CONFLICT':
      return new ConflictException({ statusCode: 409, error: 'CONFLICT', message: r.message });
    case 'INVALID':
      return invalid(r.field ?? 'body', r.message);
  }
}

export function invalid(field: string, ...reasons: string[]) {
  return new BadRequestException({ statusCode: 400, error: 'Bad Request', message: 'Data tidak valid', errors: [{ field, reasons }] });
}
