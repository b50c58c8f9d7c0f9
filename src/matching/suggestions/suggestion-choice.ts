import { EntityManager } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error';
import { lockAfterPeer } from '../../peers/lock-after-peer';
import { MatchRequestStatus, SuggestionStatus } from '../core/matching.enums';
import { MatchRequest } from '../requests/match-request.entity';
import { Suggestion } from './suggestion.entity';

/**
 * Locks the peer, then the suggestion (lockAfterPeer): the second of two accepts then finds its
 * suggestion withdrawn and answers SUGGESTION_NOT_OPEN instead of deadlocking.
 */
export function lockSuggestionInOrder(manager: EntityManager, id: string): Promise<Suggestion> {
  return lockAfterPeer(
    manager,
    Suggestion,
    id,
    () => new DomainError('SUGGESTION_NOT_FOUND', `No suggestion with id ${id}`),
  );
}

/** Refuses a choice of anything but an OPEN suggestion. */
export function assertOpen(suggestion: Suggestion): void {
  if (suggestion.status !== SuggestionStatus.OPEN) {
    throw new DomainError('SUGGESTION_NOT_OPEN', `This suggestion is ${suggestion.status.toLowerCase()}`);
  }
}

/** The peer took this one: their other open suggestions are withdrawn and the request is answered. */
export async function takeSuggestion(manager: EntityManager, suggestion: Suggestion): Promise<void> {
  await manager.update(Suggestion, { id: suggestion.id }, { status: SuggestionStatus.ACCEPTED });
  await manager.update(
    Suggestion,
    { peerId: suggestion.peerId, status: SuggestionStatus.OPEN },
    { status: SuggestionStatus.WITHDRAWN },
  );
  await manager.update(MatchRequest, { id: suggestion.requestId }, { status: MatchRequestStatus.ACCEPTED });
}
