import type { GraphQLResolveInfo } from 'graphql';
import type { AuditTrail } from '../audit/audit-trail';
import type { RequestWithPrincipal } from './auth/access.decorators';
import type { Loaders } from './loaders/loaders';

export interface GraphqlContext {
  req: RequestWithPrincipal;
  loaders: Loaders;
  audit: AuditTrail;
}

/** The operation's top field (peer, acceptSuggestion, …) that a nested field was reached through. */
export function rootFieldOf(info: Pick<GraphQLResolveInfo, 'path'>): string {
  let path = info.path;
  while (path.prev) path = path.prev;
  return String(path.key);
}
