import { Global, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { ClosedHttpRoutesGuard } from '../access/open-route';
import { Environment, jwtSecretOf } from '../../config/environment';
import { TOKEN_SETTINGS, TokenSettings, TokenVerifier } from './token-verifier';

/** Tokens are verified once per request as it arrives (see bootstrap); access is decided by the policies. */
@Global()
@Module({
  providers: [
    {
      provide: TOKEN_SETTINGS,
      inject: [ConfigService],
      useFactory: (config: ConfigService<Environment, true>): TokenSettings => {
        const url = config.get('JWT_JWKS_URL', { infer: true });
        return {
          secret: jwtSecretOf({
            JWT_SECRET: config.get('JWT_SECRET', { infer: true }),
            NODE_ENV: config.get('NODE_ENV', { infer: true }),
            JWT_JWKS_URL: url,
          }),
          jwks: url
            ? {
                url,
                issuer: config.get('JWT_ISSUER', { infer: true })!,
                audience: config.get('JWT_AUDIENCE', { infer: true })!,
              }
            : undefined,
          maxLifetimeSeconds: config.get('TOKEN_MAX_LIFETIME_SECONDS', { infer: true }),
          clockSkewSeconds: config.get('TOKEN_CLOCK_SKEW_SECONDS', { infer: true }),
        };
      },
    },
    TokenVerifier,
    { provide: APP_GUARD, useClass: ClosedHttpRoutesGuard },
  ],
  exports: [TokenVerifier],
})
export class AuthModule {}
