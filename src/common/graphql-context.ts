import type { WithAccess } from './access/access-context';
import type { AuthenticatedRequest } from './auth/authentication';
import type { Loaders } from './loaders/loader-registry';

/** What every resolver of a request shares: who asks, what the policies keep, the batch loaders. */
export interface GraphqlContext extends WithAccess {
  req: AuthenticatedRequest;
  loaders: Loaders;
}
