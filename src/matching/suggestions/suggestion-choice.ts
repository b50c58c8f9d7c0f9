import { EntityManager } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error';
import { Peer } from '../../peers/peer.entity';
import { MatchRequestStatus, SuggestionStatus } from '../core/matching.enums';
import { MatchRequest } from '../requests/match-request.entity';
import { Suggestion } from './suggestion.entity';

/**
 * Locks the peer, then the suggestion: every change to a peer's suggestions (accept, decline,
 * a recompute's write, erasure, expiry) takes the peer's row first, so two of them never wait
 * on each other's rows in opposite orders. The second of two accepts then finds its suggestion
 * withdrawn and answers SUGGESTION_NOT_OPEN instead of deadlocking.
 */
export async function lockSuggestionInOrder(manager: EntityManager, id: string): Promise<Suggestion> {
  const missing = () => new DomainError('SUGGESTION_NOT_FOUND', `No suggestion with id ${id}`);
  const unlocked = await manager.findOne(Suggestion, { where: { id }, select: { id: true, peerId: true } });
  if (!unlocked) throw missing();
  await manager.findOne(Peer, { where: { id: unlocked.peerId }, lock: { mode: 'pessimistic_write' } });
  const suggestion = await manager.findOne(Suggestion, { where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!suggestion) throw missing();
  return suggestion;
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
