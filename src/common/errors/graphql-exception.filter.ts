import { ArgumentsHost, Catch, Logger } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { isRateLimited, RATE_LIMITED } from '../hardening/rate-limit';
import { DomainError } from './domain-error';

/**
 * Hands resolver errors back to GraphQL, where the error formatter gives each its code.
 * Refusals (DomainError) are expected and not logged; anything else is logged by name and
 * message only, since a driver error's detail can quote personal values. Plain HTTP routes
 * (health) keep Nest's own handling, but for the rate limit's refusal.
 */
@Catch()
export class GraphqlExceptionFilter extends BaseExceptionFilter {
  private readonly logger = new Logger('GraphQL');

  override catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<string>() !== 'graphql') {
      if (!isRateLimited(exception)) return super.catch(exception, host);
      // Refused before GraphQL ran: answered in the GraphQL error shape, with its code.
      const body = { errors: [{ message: exception.message, extensions: { code: RATE_LIMITED } }] };
      return (this.applicationRef ?? this.httpAdapterHost?.httpAdapter)?.reply(
        host.switchToHttp().getResponse(),
        body,
        429,
      );
    }
    if (!(exception instanceof DomainError)) {
      this.logger.error(exception instanceof Error ? `${exception.name}: ${exception.message}` : 'Non-error thrown');
    }
    return exception;
  }
}
