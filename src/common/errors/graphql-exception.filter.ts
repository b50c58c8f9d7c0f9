import { ArgumentsHost, Catch, HttpException, Logger } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isRateLimited, RATE_LIMITED } from '../hardening/rate-limit';
import { DomainError } from './domain-error';

/** Refusals of the HTTP layer, before GraphQL runs, by status: each gets a code of its own. */
const HTTP_REFUSAL_CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: RATE_LIMITED,
};

const APPLICATION_JSON = 'application/json; charset=utf-8';
const GRAPHQL_RESPONSE_JSON = 'application/graphql-response+json; charset=utf-8';

interface HttpRefusal {
  status: number;
  code: string;
  message: string;
}

/** Fastify's own errors: their messages are fixed sentences of its catalogue, never request content. */
function isFastifyError(error: unknown): error is Error & { statusCode: number } {
  return (
    error instanceof Error &&
    error.name === 'FastifyError' &&
    typeof (error as { statusCode?: unknown }).statusCode === 'number'
  );
}

function httpRefusal(exception: unknown): HttpRefusal | undefined {
  if (isRateLimited(exception)) return { status: 429, code: RATE_LIMITED, message: exception.message };
  // Nest hands its filters Fastify's client errors (body too large, no parser for the content
  // type, malformed JSON) wrapped in an HttpException, the FastifyError as its cause.
  const fastifyError = exception instanceof HttpException ? exception.cause : exception;
  if (!isFastifyError(fastifyError)) return undefined;
  const code = HTTP_REFUSAL_CODES[fastifyError.statusCode];
  if (!code) return undefined;
  return {
    status: fastifyError.statusCode,
    code,
    message: fastifyError.message,
  };
}

/** How much an Accept header wants `type`: its most specific matching range decides (RFC 9110). */
function acceptance(accept: string, type: string): { q: number; specificity: number; position: number } {
  const major = type.split('/')[0];
  let best = { q: 0, specificity: -1, position: Infinity };
  accept.split(',').forEach((entry, position) => {
    const [range, ...parameters] = entry.split(';').map((part) => part.trim().toLowerCase());
    const specificity = [type, `${major}/*`, '*/*'].indexOf(range);
    if (specificity < 0 || 2 - specificity <= best.specificity) return;
    const q = parameters.find((parameter) => parameter.startsWith('q='));
    best = { q: q === undefined ? 1 : Number(q.slice(2)) || 0, specificity: 2 - specificity, position };
  });
  return best;
}

/**
 * The media type Apollo Server would answer this client with: application/graphql-response+json
 * when the client prefers it, else application/json, also when it accepts neither.
 */
function refusalMediaType(accept: string | undefined): string {
  if (!accept) return APPLICATION_JSON;
  const json = acceptance(accept, 'application/json');
  const graphql = acceptance(accept, 'application/graphql-response+json');
  if (graphql.q <= 0) return APPLICATION_JSON;
  if (graphql.q !== json.q) return graphql.q > json.q ? GRAPHQL_RESPONSE_JSON : APPLICATION_JSON;
  if (graphql.specificity !== json.specificity) {
    return graphql.specificity > json.specificity ? GRAPHQL_RESPONSE_JSON : APPLICATION_JSON;
  }
  return graphql.position < json.position ? GRAPHQL_RESPONSE_JSON : APPLICATION_JSON;
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
      const http = host.switchToHttp();
      const reply = http.getResponse<FastifyReply>();
      reply.header('content-type', refusalMediaType(http.getRequest<FastifyRequest>().headers.accept));
      const body = { errors: [{ message: refusal.message, extensions: { code: refusal.code } }] };
      return (this.applicationRef ?? this.httpAdapterHost?.httpAdapter)?.reply(reply, body, refusal.status);
    }
    if (!(exception instanceof DomainError)) {
      this.logger.error(exception instanceof Error ? `${exception.name}: ${exception.message}` : 'Non-error thrown');
    }
    return exception;
  }
}
