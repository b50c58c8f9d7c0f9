import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error';
import { MatchStatus } from '../core/matching.enums';
import { RequestAdmission } from '../requests/request-admission';
import { Match } from './match.entity';

/** A peer already in an active match ends it before asking again. */
@Injectable()
export class ActiveMatchAdmission extends RequestAdmission {
  async admit(manager: EntityManager, peerId: string): Promise<void> {
    if (await manager.exists(Match, { where: { peerId, status: MatchStatus.ACTIVE } })) {
      throw new DomainError('PEER_ALREADY_MATCHED', 'This peer already has an active match; end it first');
    }
  }
}
