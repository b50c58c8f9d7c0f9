import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { GraphQLModule } from '@nestjs/graphql';
import { AuthModule } from './common/auth/auth.module';
import { graphqlConfig } from './common/graphql.config';
import { LoggingModule } from './common/logging/logging.module';
import { parseEnvironment } from './config/environment';
import { DatabaseModule, DatabaseOptions } from './database/database.module';
import { HealthModule } from './health/health.module';
import { MatchingModule } from './matching/matching.module';
import { PeersModule } from './peers/peers.module';
import { SupportWorkersModule } from './support-workers/support-workers.module';
import { TaxonomyModule } from './taxonomy/taxonomy.module';

export interface AppOptions {
  database: DatabaseOptions;
}

@Module({})
export class AppModule {
  static forRoot(options: AppOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, validate: parseEnvironment }),
        LoggingModule,
        DatabaseModule.forRoot(options.database),
        AuthModule,
        GraphQLModule.forRootAsync(graphqlConfig),
        HealthModule,
        TaxonomyModule,
        PeersModule,
        SupportWorkersModule,
        MatchingModule,
      ],
    };
  }
}
