import { ApolloDriver, ApolloDriverAsyncConfig, ApolloDriverConfig } from '@nestjs/apollo';
import { Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Environment } from '../config/environment';
import { auditFlushPlugin } from '../audit/audit-flush.plugin';
import { AuditTrail } from '../audit/audit-trail';
import { AuditService } from '../audit/audit.service';
import { createErrorFormatter } from './errors/format-graphql-error';
import { armorFor, OPERATION_LIMITS } from './hardening/armor';
import { GraphqlContext } from './graphql-context';
import { RequestWithPrincipal } from './auth/access.decorators';
import { createLoaders } from './loaders/loaders';

const logger = new Logger('GraphQL');

export const graphqlConfig: ApolloDriverAsyncConfig = {
  driver: ApolloDriver,
  inject: [getDataSourceToken(), ConfigService, AuditService],
  useFactory: (dataSource: DataSource, config: ConfigService<Environment, true>, audit: AuditService) => {
    const production = config.get('NODE_ENV', { infer: true }) === 'production';
    const armor = armorFor(production);
    return {
      path: '/graphql',
      autoSchemaFile: true,
      sortSchema: true,
      graphiql: !production,
      introspection: !production,
      csrfPrevention: true,
      // One operation per request: a batch of hundreds cannot multiply what the limits allow.
      allowBatchedHttpRequests: false,
      // The armor is typed against Apollo's CommonJS build, Nest against its ES module build.
      plugins: [...armor.plugins, auditFlushPlugin(audit)] as unknown as ApolloDriverConfig['plugins'],
      validationRules: armor.validationRules,
      parseOptions: { maxTokens: OPERATION_LIMITS.tokens },
      includeStacktraceInErrorResponses: !production,
      context: (request: RequestWithPrincipal): GraphqlContext => ({
        req: request,
        loaders: createLoaders(dataSource),
        audit: new AuditTrail(() => request.principal),
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
