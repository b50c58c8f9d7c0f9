import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Logger as TypeOrmLogger } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

export interface DatabaseOptions {
  url: string;
  /** Tests pass one to count queries. */
  logger?: TypeOrmLogger;
}

@Module({})
export class DatabaseModule {
  static forRoot(options: DatabaseOptions): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRoot({
          ...dataSourceOptions(options.url),
          ...(options.logger ? { logger: options.logger, logging: ['query'] } : { logging: false }),
        }),
      ],
    };
  }
}
