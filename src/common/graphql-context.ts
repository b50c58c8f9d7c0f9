import { RequestWithPrincipal } from './auth/access.decorators';
import { Loaders } from './loaders/loaders';

export interface GraphqlContext {
  req: RequestWithPrincipal;
  loaders: Loaders;
}
