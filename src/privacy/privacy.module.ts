import { Module } from '@nestjs/common';
import { ConsentWithdrawalListener } from './consent-withdrawal.listener';
import { PeerErasureService } from './peer-erasure.service';
import { PeerExportService } from './peer-export.service';
import { PrivacyResolver } from './privacy.resolver';

/** A peer's rights across every domain that holds their data: access, erasure, withdrawn consent. */
@Module({
  providers: [PeerErasureService, PeerExportService, PrivacyResolver, ConsentWithdrawalListener],
})
export class PrivacyModule {}
