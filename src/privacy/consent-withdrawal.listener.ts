import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { PeerConsentWithdrawn } from '../peers/peer.events';
import { forgetLivedExperience } from './forget-lived-experience';

/**
 * A withdrawn consent reaches the suggestions already stored, in the withdrawal's own
 * transaction: a failure here must roll the withdrawal back, so errors are not suppressed.
 */
@Injectable()
export class ConsentWithdrawalListener {
  @OnEvent(PeerConsentWithdrawn.NAME, { suppressErrors: false })
  async consentWithdrawn({ manager, peerId, withdrawn }: PeerConsentWithdrawn): Promise<void> {
    await forgetLivedExperience(manager, peerId, withdrawn);
  }
}
