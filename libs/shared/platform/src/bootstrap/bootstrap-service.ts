import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { DynamicModule, INestApplication, Type } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import { ConfigError } from '../config/service-config';
import { createValidationPipe } from '../http/validation';
import { createLogger, PinoNestLogger } from '../observability/logger';
import { registerInProcessServer, unregisterInProcessServer, type RequestHandler } from '../http/in-process-servers';

export interface BootstrapOptions {
  service: string;
  title: string;
  defaultPort: number;
  /** Largest accepted JSON body; larger ones answer 413. */
  bodyLimit?: string;
  /** Middleware that must see requests before the body parsers (the gateway's streaming proxy). */
  beforeBodyParsers?: (app: NestExpressApplication) => void;
}

/** Configures an application the way every service is configured (validation, errors, docs, shutdown). */
export async function configureApp(app: NestExpressApplication, options: Omit<BootstrapOptions, 'defaultPort'>): Promise<void> {
  options.beforeBodyParsers?.(app);
  // The raw bytes stay on the request (req.rawBody): signed channel requests are checked over them.
  (app.getHttpAdapter() as unknown as { useBodyParser(type: string, rawBody: boolean, options: object): void }).useBodyParser('json', true, {
    limit: options.bodyLimit ?? '256kb',
  });
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  const doc = SwaggerModule.createDocument(
    app,
    new DocumentBuilder().setTitle(options.title).setVersion('1').addBearerAuth().build(),
  );
  SwaggerModule.setup('docs', app, doc);
  // Body-parser failures happen before Nest's router and would reach Nest's error handler as English
  // text; this handler sits right after the parsers (registered before init) and answers in the API's shape.
  app.getHttpAdapter().getInstance().use((err: any, _req: Request, res: Response, next: NextFunction) => {
    if (!err || res.headersSent || typeof err.type !== 'string' || typeof err.status !== 'number') return next(err);
    const message =
      err.status === 413 ? 'Ukuran data melebihi batas' : err.type === 'entity.parse.failed' ? 'Data JSON tidak dapat dibaca' : 'Permintaan tidak dapat dibaca';
    res.status(err.status).json({ statusCode: err.status, error: err.type, message });
  });
  await app.init();
}

/** Starts a service; a bad configuration stops it with a message that names the variable. */
export async function bootstrapService(
  rootModule: Type<unknown> | DynamicModule | (() => DynamicModule),
  options: BootstrapOptions,
): Promise<INestApplication> {
  const logger = createLogger(options.service);
  try {
    // An arrow function (no prototype, unlike a module class) builds the module here, so a bad
    // configuration read while building it gets the same clear message as one read later.
    const module = typeof rootModule === 'function' && !rootModule.prototype ? (rootModule as () => DynamicModule)() : rootModule;
    const app = await NestFactory.create<NestExpressApplication>(module as Type<unknown>, {
      logger: new PinoNestLogger(logger),
      bodyParser: false,
    });
    await configureApp(app, options);
    const port = Number(process.env.PORT ?? options.defaultPort);
    await app.listen(port, process.env.HOST ?? '127.0.0.1');
    const handler = app.getHttpAdapter().getInstance() as RequestHandler;
    registerInProcessServer(port, handler);
    app.getHttpServer().once('close', () => unregisterInProcessServer(port, handler));
    logger.info({ port }, `${options.service} listening`);
    return app;
  } catch (err) {
    if (err instanceof ConfigError) {
      logger.fatal({ problems: err.problems }, err.message);
      console.error(`${options.service}: ${err.message}`);
      process.exit(78);
    }
    logger.fatal({ err }, `${options.service} failed to start`);
    process.exit(1);
  }
}
