import { registerEnumType } from '@nestjs/graphql';
import { MatchFactor } from '../matching/scoring/match-factor';
import { TagKind } from '../taxonomy/tag-kind';
import { Gender, SupportMode } from './profile/profile.enums';

// The domain enums are plain TypeScript so the scoring core can use them without the framework.
registerEnumType(TagKind, { name: 'TagKind' });
registerEnumType(Gender, { name: 'Gender' });
registerEnumType(SupportMode, { name: 'SupportMode' });
registerEnumType(MatchFactor, { name: 'MatchFactor' });

export { Gender, MatchFactor, SupportMode, TagKind };
