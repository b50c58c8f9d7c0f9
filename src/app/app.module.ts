import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { GraphQLModule } from '@nestjs/graphql';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../common/auth/auth.module';
import { graphqlConfig } from './graphql/graphql.config';
import { LoggingModule } from '../common/logging/logging.module';
import { Environment } from '../config/environment';
import { DatabaseModule, DatabaseOptions } from '../database/database.module';
import { HealthModule } from '../health/health.module';
import { JobsModule } from '../matching/jobs/jobs.module';
import { queueConnection, QueueSettings } from '../matching/jobs/queue-connection';
import { ConsumerModule } from '../matching/jobs/consumer.module';
import { MatchingModule } from '../matching/matching.module';
import { PeersModule } from '../peers/peers.module';
import { PlacesModule } from '../places/places.module';
import { PrivacyModule } from '../privacy/privacy.module';
import { SupportWorkersModule } from '../support-workers/support-workers.module';
import { TaxonomyModule } from '../taxonomy/taxonomy.module';

export type AppRole = 'api' | 'worker' | 'all';

export interface AppOptions {
  /** Parsed once, by whoever starts the app; the app never reads process.env. */
  environment: Environment;
  database: DatabaseOptions;
  queue: QueueSettings;
  /** api: GraphQL over HTTP; worker: the queue consumer, no HTTP; all: both in one process. */
  role: AppRole;
}

@Module({})
export class AppModule {
  static forRoot(options: AppOptions): DynamicModule {
    const serves = options.role !== 'worker';
    const consumes = options.role !== 'api';
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot({
          isGlobal: true,
          ignoreEnvFile: true,
          validatePredefined: false,
          skipProcessEnv: true,
          load: [() => options.environment],
        }),
        LoggingModule,
        EventEmitterModule.forRoot(),
        DatabaseModule.forRoot(options.database),
        BullModule.forRoot(queueConnection(options.queue)),
        JobsModule,
        AuthModule,
        ...(serves ? [AuditModule, GraphQLModule.forRootAsync(graphqlConfig), HealthModule] : []),
        TaxonomyModule,
        PeersModule,
        SupportWorkersModule,
        MatchingModule,
        PrivacyModule,
        PlacesModule,
        ...(consumes ? [ConsumerModule] : []),
      ],
    };
  }
}
