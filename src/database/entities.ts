import { AuditEvent } from '../audit/audit-event.entity';
import { FanOutDue } from '../matching/engine/fan-out-due.entity';
import { RecomputeDue } from '../matching/engine/recompute-due.entity';
import { Match } from '../matching/matches/match.entity';
import { MatchRequest } from '../matching/requests/match-request.entity';
import { Suggestion } from '../matching/suggestions/suggestion.entity';
import { ConsentRecord } from '../peers/consent-record.entity';
import { Peer } from '../peers/peer.entity';
import { SupportWorker } from '../support-workers/support-worker.entity';
import { Tag } from '../taxonomy/tag.entity';

export const ENTITIES = [
  Tag,
  Peer,
  SupportWorker,
  MatchRequest,
  Suggestion,
  Match,
  AuditEvent,
  ConsentRecord,
  RecomputeDue,
  FanOutDue,
];
