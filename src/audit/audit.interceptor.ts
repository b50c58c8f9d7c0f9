import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { Observable, tap } from 'rxjs';
import type { GraphqlContext } from '../common/graphql-context';
import { AUDITED_KEY, AuditedSpec } from './audited.decorator';

/** Records the changes of operations marked @Audited, after they succeed. */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const spec = this.reflector.get<AuditedSpec | undefined>(AUDITED_KEY, context.getHandler());
    if (!spec || context.getType<string>() !== 'graphql') return next.handle();
    const graphql = GqlExecutionContext.create(context);
    const args = graphql.getArgs<Record<string, unknown>>();
    const { audit } = graphql.getContext<GraphqlContext>();
    const operation = graphql.getInfo<{ fieldName: string }>().fieldName;
    return next.handle().pipe(
      tap((result) => {
        const { subjectId, personId } = spec.subject(result as never, args);
        audit.record({ action: spec.action, subjectType: spec.subjectType, subjectId, personId }, operation);
      }),
    );
  }
}
