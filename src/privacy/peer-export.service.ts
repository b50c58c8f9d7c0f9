import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditEvent } from '../audit/audit-event.entity';
import { DomainError } from '../common/errors/domain-error';
import { locationOf } from '../profiles/location';
import { Match } from '../matching/matches/match.entity';
import { ConsentRecord } from '../peers/consent-record.entity';
import { Peer } from '../peers/peer.entity';
import { MatchRequest } from '../matching/requests/match-request.entity';
import { Suggestion } from '../matching/suggestions/suggestion.entity';
import { TagKind } from '../taxonomy/tag-kind';

/**
 * The peer's copy of all that is held about them (their right of access): profile, consents
 * with when and by whom each was recorded, requests, suggestions with their reasons, matches,
 * their own notes, and the record of who read or changed their information.
 */
/** Only the worker's name: the rest of their profile is theirs, not the peer's. */
function workerOf(row: Suggestion | Match): { id: string; displayName: string | null } {
  return { id: row.supportWorkerId, displayName: row.supportWorker?.displayName ?? null };
}

@Injectable()
export class PeerExportService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async export(peerId: string): Promise<Record<string, unknown>> {
    const manager = this.dataSource.manager;
    const peer = await manager.findOne(Peer, { where: { id: peerId }, relations: { tags: true } });
    if (!peer || peer.erasedAt) throw new DomainError('PEER_NOT_FOUND', `No peer with id ${peerId}`);
    const [consents, requests, suggestions, matches, accessLog] = await Promise.all([
      manager.find(ConsentRecord, { where: { peerId }, order: { recordedAt: 'ASC' } }),
      manager.find(MatchRequest, { where: { peerId }, order: { createdAt: 'ASC' } }),
      manager.find(Suggestion, {
        where: { peerId },
        relations: { supportWorker: true },
        order: { createdAt: 'ASC', rank: 'ASC' },
      }),
      manager.find(Match, { where: { peerId }, relations: { supportWorker: true }, order: { startedAt: 'ASC' } }),
      manager.find(AuditEvent, { where: { personId: peerId }, order: { occurredAt: 'ASC' } }),
    ]);
    const tagsOf = (kind: TagKind) =>
      (peer.tags ?? [])
        .filter((tag) => tag.kind === kind)
        .map((tag) => tag.slug)
        .sort();
    return {
      exportedAt: new Date().toISOString(),
      profile: {
        id: peer.id,
        displayName: peer.displayName,
        gender: peer.gender,
        birthYear: peer.birthYear,
        languages: peer.languages,
        modes: peer.modes,
        location: locationOf(peer),
        maxDistanceKm: peer.maxDistanceKm,
        availability: peer.availability,
        livedExperiences: tagsOf(TagKind.LIVED_EXPERIENCE),
        interests: tagsOf(TagKind.INTEREST),
        culturalBackgrounds: tagsOf(TagKind.CULTURE),
        preferences: peer.preferences,
        consent: peer.consent,
        createdAt: peer.createdAt,
        updatedAt: peer.updatedAt,
      },
      consents: consents.map(
        ({
          useLivedExperienceForMatching,
          shareLivedExperienceWithWorkers,
          recordedAt,
          recordedBySubject,
          recordedByRole,
          operation,
        }) => ({
          useLivedExperienceForMatching,
          shareLivedExperienceWithWorkers,
          recordedAt,
          recordedBy: { subject: recordedBySubject, role: recordedByRole },
          operation,
        }),
      ),
      matchRequests: requests.map(({ id, status, createdAt, updatedAt }) => ({ id, status, createdAt, updatedAt })),
      suggestions: suggestions.map((suggestion) => ({
        id: suggestion.id,
        requestId: suggestion.requestId,
        supportWorker: workerOf(suggestion),
        rank: suggestion.rank,
        score: suggestion.score,
        status: suggestion.status,
        reasons: suggestion.reasons,
        breakdown: suggestion.breakdown,
        weights: suggestion.weights,
        declineReason: suggestion.declineReason,
        declineNote: suggestion.declineNote,
        createdAt: suggestion.createdAt,
      })),
      matches: matches.map((match) => ({
        id: match.id,
        supportWorker: workerOf(match),
        status: match.status,
        startedAt: match.startedAt,
        endedAt: match.endedAt,
        endReason: match.endReason,
        endNote: match.endNote,
      })),
      accessLog: accessLog.map(
        ({ occurredAt, actorSubject, actorRole, action, operation, subjectType, subjectId }) => ({
          occurredAt,
          actor: { subject: actorSubject, role: actorRole },
          action,
          operation,
          subject: { type: subjectType, id: subjectId },
        }),
      ),
    };
  }
}
