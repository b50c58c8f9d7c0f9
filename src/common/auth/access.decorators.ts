import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { Principal, Role } from './principal';

export const ACCESS_KEY = 'peermatch:access';

export type Access = { public: true } | { public: false; roles: readonly Role[]; serviceScope?: string };

/** Who may call this operation. An operation without this (or @Public) is refused to everyone. */
export const Roles = (...roles: Role[]) => SetMetadata(ACCESS_KEY, { public: false, roles } satisfies Access);

/** As @Roles, and a SERVICE caller must also hold `scope`. */
export const RolesWithServiceScope = (scope: string, ...roles: Role[]) =>
  SetMetadata(ACCESS_KEY, { public: false, roles: [...roles, 'SERVICE'], serviceScope: scope } satisfies Access);

export const Public = () => SetMetadata(ACCESS_KEY, { public: true } satisfies Access);

export interface RequestWithPrincipal {
  headers: Record<string, string | string[] | undefined>;
  principal?: Principal;
}

export function requestOf(context: ExecutionContext): RequestWithPrincipal {
  if (context.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext<{ req: RequestWithPrincipal }>().req;
  }
  return context.switchToHttp().getRequest<RequestWithPrincipal>();
}

/** The verified caller; only on operations the guard let through with a token. */
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  const principal = requestOf(context).principal;
  if (!principal) throw new Error('CurrentPrincipal used on an operation without authentication');
  return principal;
});
