import { ApolloDriver, ApolloDriverAsyncConfig, ApolloDriverConfig } from '@nestjs/apollo';
import { Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Environment } from '../../config/environment';
import { AuditedContext, auditFlushPlugin } from '../../audit/audit-flush.plugin';
import { AuditTrail } from '../../audit/audit-trail';
import { AuditService } from '../../audit/audit.service';
import { createErrorFormatter } from '../../common/errors/format-graphql-error';
import { armorFor, OPERATION_LIMITS } from '../../common/hardening/armor';
import { createAccessContext } from '../../common/access/access-context';
import { enforcePolicies } from '../../common/access/enforce-policies';
import { refuseBeforeWritingPlugin } from '../../common/access/refuse-before-writing';
import { AuthenticatedRequest } from '../../common/auth/authentication';
import type { Principal } from '../../common/auth/principal';
import type { Loaders } from '../../common/loaders/loader-registry';
import { createLoaders } from './loaders';
import { apolloLogger } from '../../common/logging/apollo-logger';

const logger = new Logger('GraphQL');

/** A peer's or worker's token grants nothing once their record is gone (an erased peer). */
async function personExists(loaders: Loaders, principal: Principal): Promise<boolean> {
  if (principal.role === 'PEER') {
    const peer = await loaders.peerById.load(principal.peerId!);
    return Boolean(peer && !peer.erasedAt);
  }
  if (principal.role === 'SUPPORT_WORKER')
    return Boolean(await loaders.supportWorkerById.load(principal.supportWorkerId!));
  return true;
}

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
      // GraphiQL is served with the pages (/graphiql, development only), built locally: no CDN.
      graphiql: false,
      introspection: !production,
      csrfPrevention: true,
      logger: apolloLogger(),
      // One operation per request: a batch of hundreds cannot multiply what the limits allow.
      allowBatchedHttpRequests: false,
      // The armor is typed against Apollo's CommonJS build, Nest against its ES module build.
      plugins: [
        ...armor.plugins,
        refuseBeforeWritingPlugin(),
        auditFlushPlugin(audit),
      ] as unknown as ApolloDriverConfig['plugins'],
      // Every field and operation answers to its declared policy, or to no one.
      transformSchema: enforcePolicies,
      validationRules: armor.validationRules,
      parseOptions: { maxTokens: OPERATION_LIMITS.tokens },
      includeStacktraceInErrorResponses: !production,
      context: (request: AuthenticatedRequest): AuditedContext => {
        const audit = new AuditTrail(() => request.authentication);
        const loaders = createLoaders(dataSource);
        return {
          req: request,
          loaders,
          audit,
          access: createAccessContext(request.authentication, audit, (principal) => personExists(loaders, principal)),
        };
      },
      formatError: createErrorFormatter({
        exposeStack: !production,
        // Resolver errors were logged by GraphqlExceptionFilter; these come from elsewhere in Apollo.
        onInternalError: (error) =>
          logger.error(error instanceof Error ? `${error.name}: ${error.message}` : 'Non-error thrown'),
      }),
    };
  },
};
