import { registerEnumType } from '@nestjs/graphql';
import { AuditAction, AuditSubject } from '../../audit/audit.enums';
import { HardConstraint } from '../../matching/core/hard-constraint';
import { MatchFactor } from '../../matching/core/match-factor';
import {
  DeclineReason,
  MatchEndReason,
  MatchRequestStatus,
  MatchStatus,
  SuggestionStatus,
} from '../../matching/core/matching.enums';
import { Gender, SupportMode } from '../../matching/core/profile.enums';
import { WeeklySlot } from '../../profiles/weekly-slot';
import { TagKind } from '../../taxonomy/tag-kind';

/**
 * Every enum the schema shows, registered once, here. The domains define them as plain
 * TypeScript, so that the matching core can use them without the framework.
 */
let registered = false;

export function registerEnums(): void {
  // Once per process, however many applications it builds (tests build many).
  if (registered) return;
  registered = true;
  registerEnumType(TagKind, { name: 'TagKind' });
  registerEnumType(Gender, { name: 'Gender' });
  registerEnumType(SupportMode, { name: 'SupportMode' });
  registerEnumType(MatchFactor, { name: 'MatchFactor' });
  registerEnumType(HardConstraint, { name: 'HardConstraint' });
  registerEnumType(WeeklySlot, { name: 'WeeklySlot', description: 'Morning, afternoon or evening of a weekday.' });
  registerEnumType(MatchRequestStatus, { name: 'MatchRequestStatus' });
  registerEnumType(SuggestionStatus, { name: 'SuggestionStatus' });
  registerEnumType(DeclineReason, { name: 'DeclineReason' });
  registerEnumType(MatchStatus, { name: 'MatchStatus' });
  registerEnumType(MatchEndReason, { name: 'MatchEndReason' });
  registerEnumType(AuditAction, { name: 'AuditAction' });
  registerEnumType(AuditSubject, { name: 'AuditSubject' });
}
