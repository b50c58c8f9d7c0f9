import 'reflect-metadata';
import './common/graphql-enums';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { AppModule, AppOptions } from './app.module';
import { GraphqlExceptionFilter } from './common/errors/graphql-exception.filter';
import { createValidationPipe } from './common/validation/validation.pipe';

/** Requests larger than this are refused before parsing: no legitimate operation comes close. */
export const BODY_LIMIT_BYTES = 256 * 1024;

export async function createApp(options: AppOptions): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(options),
    new FastifyAdapter({ bodyLimit: BODY_LIMIT_BYTES }),
    { bufferLogs: true },
  );
  app.useLogger(app.get(Logger));
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new GraphqlExceptionFilter(app.getHttpAdapter()));
  await app.init();
  return app;
}
