import type { ApolloServerPlugin } from '@apollo/server';
import { Logger } from '@nestjs/common';
import type { GraphqlContext } from '../common/graphql-context';
import type { AuditTrail } from './audit-trail';
import { AuditService } from './audit.service';

/** A request's context with the trail its reads go on, written by the plugin below. */
export interface AuditedContext extends GraphqlContext {
  audit: AuditTrail;
}

const logger = new Logger('Audit');

/**
 * Writes the reads a request put on record before its response is sent. If they cannot be
 * written, the caller gets an error instead of the data: nothing is read off the record.
 */
export function auditFlushPlugin(audit: AuditService): ApolloServerPlugin<AuditedContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          const entries = contextValue.audit?.drain() ?? [];
          try {
            await audit.write(entries);
          } catch (error) {
            logger.error(
              `${entries.length} audit event(s) not written: ${error instanceof Error ? error.name : 'unknown error'}`,
            );
            if (response.body.kind === 'single') {
              response.body.singleResult = {
                errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
              };
            }
            response.http.status = 500;
          }
        },
      };
    },
  };
}
