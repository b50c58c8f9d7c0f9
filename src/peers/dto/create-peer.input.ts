import { Field, Float, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsBoolean,
  IsEnum,
  IsInt,
  IsNumber,
  IsOptional,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { Gender } from '../../matching/core/profile.enums';
import { MatchFactor } from '../../matching/core/match-factor';
import { ProfileFieldsInput } from '../../profiles/dto/profile-fields.input';

export const MAX_TRAVEL_KM = 500;

@InputType({ description: 'How much one factor counts for this peer.' })
export class FactorImportanceInput {
  @Field(() => MatchFactor, { description: 'The factor, named once per list.' })
  @IsEnum(MatchFactor)
  factor!: MatchFactor;

  @Field(() => Int, {
    description:
      '0 ignore, 1 less, 2 as by default, 3 very important: multiplies the default weight by 0, 0.5, 1 or 2.',
  })
  @IsInt()
  @Min(0)
  @Max(3)
  importance!: number;
}

@InputType({ description: 'What the peer asks for in a support worker; given, it replaces the stored preferences.' })
export class MatchPreferencesInput {
  @Field(() => [Gender], {
    nullable: true,
    description: 'Genders of worker the peer will accept, each once (a hard constraint); none given: any.',
  })
  @IsOptional()
  @ArrayUnique()
  @IsEnum(Gender, { each: true })
  workerGenders?: Gender[] | null;

  @Field(() => [FactorImportanceInput], {
    nullable: true,
    description: `Importance per factor, each factor at most once (${Object.keys(MatchFactor).length} at most); a factor left out counts as 2.`,
  })
  @IsOptional()
  @ArrayMaxSize(Object.keys(MatchFactor).length)
  @ArrayUnique((item: FactorImportanceInput) => item.factor, { message: 'importance must name each factor once' })
  @ValidateNested({ each: true })
  @Type(() => FactorImportanceInput)
  importance?: FactorImportanceInput[] | null;
}

@InputType({ description: 'The peer’s consents; each change is kept, with when and by whom it was recorded.' })
export class ConsentInput {
  @Field({
    description:
      'Lived experience may count in scores. Withdrawn, every suggestion stored for the peer is rewritten without it.',
  })
  @IsBoolean()
  useLivedExperienceForMatching!: boolean;

  @Field({
    description:
      'A support worker in an active match may see the peer’s lived experience and cultural backgrounds, and reasons naming them.',
  })
  @IsBoolean()
  shareLivedExperienceWithWorkers!: boolean;
}

@InputType({ description: 'A new peer’s profile.' })
export class CreatePeerInput extends ProfileFieldsInput {
  @Field(() => Float, {
    nullable: true,
    description: `How far the peer will travel to meet in person, in kilometres, 0..${MAX_TRAVEL_KM}; null: no limit.`,
  })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(MAX_TRAVEL_KM)
  maxDistanceKm?: number | null;

  @Field(() => MatchPreferencesInput, { nullable: true, description: 'Null: any gender, default weights.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => MatchPreferencesInput)
  preferences?: MatchPreferencesInput | null;

  @Field(() => ConsentInput, {
    nullable: true,
    description: 'Without it, lived experience is neither used for matching nor shown to workers.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => ConsentInput)
  consent?: ConsentInput | null;
}
