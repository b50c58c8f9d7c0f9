import { ApolloDriver, ApolloDriverAsyncConfig } from '@nestjs/apollo';
import { Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Environment } from '../config/environment';
import { createErrorFormatter } from './errors/format-graphql-error';
import { GraphqlContext } from './graphql-context';
import { RequestWithPrincipal } from './auth/access.decorators';
import { createLoaders } from './loaders/loaders';

const logger = new Logger('GraphQL');

export const graphqlConfig: ApolloDriverAsyncConfig = {
  driver: ApolloDriver,
  inject: [getDataSourceToken(), ConfigService],
  useFactory: (dataSource: DataSource, config: ConfigService<Environment, true>) => {
    const production = config.get('NODE_ENV', { infer: true }) === 'production';
    return {
      path: '/graphql',
      autoSchemaFile: true,
      sortSchema: true,
      graphiql: !production,
      introspection: !production,
      csrfPrevention: true,
      includeStacktraceInErrorResponses: !production,
      context: (request: RequestWithPrincipal): GraphqlContext => ({
        req: request,
        loaders: createLoaders(dataSource),
      }),
      formatError: createErrorFormatter({
        exposeStack: !production,
        // Resolver errors were logged by GraphqlExceptionFilter; these come from elsewhere in Apollo.
        onInternalError: (error) =>
          logger.error(error instanceof Error ? `${error.name}: ${error.message}` : 'Non-error thrown'),
      }),
    };
  },
};
