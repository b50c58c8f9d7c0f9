import { Global, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { Environment, jwtSecretOf } from '../../config/environment';
import { AccessGuard } from './access.guard';
import { JWT_SECRET, TokenVerifier } from './token-verifier';

@Global()
@Module({
  providers: [
    {
      provide: JWT_SECRET,
      inject: [ConfigService],
      useFactory: (config: ConfigService<Environment, true>) =>
        jwtSecretOf({ JWT_SECRET: config.get('JWT_SECRET', { infer: true }) }),
    },
    TokenVerifier,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [TokenVerifier],
})
export class AuthModule {}
