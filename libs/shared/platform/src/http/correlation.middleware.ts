import { randomUUID } from 'node:crypto';
import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { runWithCorrelation } from '../observability/correlation';

const VALID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Every request gets a correlation id (the caller's x-correlation-id, or a new one) for its logs and events. */
@Injectable()
export class CorrelationMiddleware implements NestMiddleware {
  use(req: Request, res: Response, next: NextFunction) {
    const given = req.header('x-correlation-id');
    const correlationId = given && VALID.test(given) ? given : randomUUID();
    res.setHeader('x-correlation-id', correlationId);
    runWithCorrelation({ correlationId }, () => next());
  }
}
