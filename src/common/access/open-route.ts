import { CanActivate, ExecutionContext, ForbiddenException, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';

const OPEN_ROUTE = 'peermatch:open-route';

/** A plain HTTP route anyone may call (health probes): every other one is refused. */
export const OpenRoute = () => SetMetadata(OPEN_ROUTE, true);

/**
 * GraphQL fields answer to their policies (enforcePolicies); a plain HTTP route has none, so it
 * is refused unless it says it is open: a controller added later is closed until decided.
 */
@Injectable()
export class ClosedHttpRoutesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType<string>() !== 'http') return true;
    if (this.reflector.getAllAndOverride<boolean>(OPEN_ROUTE, [context.getHandler(), context.getClass()])) return true;
    throw new ForbiddenException('This route is not open');
  }
}
