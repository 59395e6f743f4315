import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';
import { indonesianValidationMessage } from './validation-messages';

export interface FieldError {
  field: string;
  reasons: string[];
}

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = e.constraints ? [{ field, reasons: Object.values(e.constraints).map(indonesianValidationMessage) }] : [];
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/**
 * Bad input answers 400 with each offending field and the reason, e.g.
 * { statusCode: 400, error: 'Bad Request', message: 'Data tidak valid', errors: [{ field: 'title', reasons: [...] }] }.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) =>
      new BadRequestException({ statusCode: 400, error: 'Bad Request', message: 'Data tidak valid', errors: flatten(errors) }),
  });
}
