import { ArgumentsHost, Catch, Logger } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { isRateLimited, RATE_LIMITED } from '../hardening/rate-limit';
import { DomainError } from './domain-error';

/** Refusals of the HTTP layer, before GraphQL runs, by status: each gets a code of its own. */
const HTTP_REFUSAL_CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: RATE_LIMITED,
};

function httpRefusal(exception: unknown): { status: number; code: string; message: string } | undefined {
  if (isRateLimited(exception)) return { status: 429, code: RATE_LIMITED, message: exception.message };
  if (!(exception instanceof Error)) return undefined;
  const status = (exception as { statusCode?: unknown }).statusCode;
  if (typeof status !== 'number' || !HTTP_REFUSAL_CODES[status]) return undefined;
  return { status, code: HTTP_REFUSAL_CODES[status], message: exception.message };
}

/**
 * Hands resolver errors back to GraphQL, where the error formatter gives each its code.
 * Refusals (DomainError) are expected and not logged; anything else is logged by name and
 * message only, since a driver error's detail can quote personal values. Plain HTTP routes
 * (health) keep Nest's own handling, but for refusals made before GraphQL ran (rate limit,
 * oversized or malformed bodies), which are answered in the GraphQL error shape with a code.
 */
@Catch()
export class GraphqlExceptionFilter extends BaseExceptionFilter {
  private readonly logger = new Logger('GraphQL');

  override catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<string>() !== 'graphql') {
      const refusal = httpRefusal(exception);
      if (!refusal) return super.catch(exception, host);
      const body = { errors: [{ message: refusal.message, extensions: { code: refusal.code } }] };
      return (this.applicationRef ?? this.httpAdapterHost?.httpAdapter)?.reply(
        host.switchToHttp().getResponse(),
        body,
        refusal.status,
      );
    }
    if (!(exception instanceof DomainError)) {
      this.logger.error(exception instanceof Error ? `${exception.name}: ${exception.message}` : 'Non-error thrown');
    }
    return exception;
  }
}
