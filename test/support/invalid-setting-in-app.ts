// Preloaded into a service process (see startServiceProcess): a setting is found wrong while Nest
// builds the app, past the checks main.ts makes before it starts anything.
import { ConfigService } from '@nestjs/config';
import { InvalidEnvironmentError } from '../../src/config/environment';

const prototype = ConfigService.prototype as unknown as { get: (this: unknown, ...args: unknown[]) => unknown };
const get = prototype.get;
prototype.get = function (this: unknown, ...args: unknown[]) {
  if (args[0] === 'JWT_JWKS_URL')
    throw new InvalidEnvironmentError('Invalid environment: JWT_JWKS_URL found wrong while the app is built');
  return get.apply(this, args);
};
