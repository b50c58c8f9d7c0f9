import type { ApolloServerPlugin } from '@apollo/server';
import { Logger } from '@nestjs/common';
import type { GraphqlContext } from '../common/graphql-context';
import { AuditService } from './audit.service';

const logger = new Logger('Audit');

/** Writes what a request put on record before its response is sent. */
export function auditFlushPlugin(audit: AuditService): ApolloServerPlugin<GraphqlContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue }) {
          const entries = contextValue.audit?.drain() ?? [];
          try {
            await audit.write(entries);
          } catch (error) {
            logger.error(
              `${entries.length} audit event(s) not written: ${error instanceof Error ? error.message : error}`,
            );
            throw error;
          }
        },
      };
    },
  };
}
