import type { AuditTrail } from '../audit/audit-trail';
import type { WithAccess } from './access/access-context';
import type { AuthenticatedRequest } from './auth/authentication';
import type { Loaders } from './loaders/loaders';

export interface GraphqlContext extends WithAccess {
  req: AuthenticatedRequest;
  loaders: Loaders;
  audit: AuditTrail;
}
