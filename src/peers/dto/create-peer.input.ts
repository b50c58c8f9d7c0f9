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

@InputType()
export class FactorImportanceInput {
  @Field(() => MatchFactor)
  @IsEnum(MatchFactor)
  factor!: MatchFactor;

  @Field(() => Int, { description: '0 ignore .. 3 very important' })
  @IsInt()
  @Min(0)
  @Max(3)
  importance!: number;
}

@InputType()
export class MatchPreferencesInput {
  @Field(() => [Gender], { nullable: true })
  @IsOptional()
  @ArrayUnique()
  @IsEnum(Gender, { each: true })
  workerGenders?: Gender[] | null;

  @Field(() => [FactorImportanceInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(Object.keys(MatchFactor).length)
  @ArrayUnique((item: FactorImportanceInput) => item.factor, { message: 'importance must name each factor once' })
  @ValidateNested({ each: true })
  @Type(() => FactorImportanceInput)
  importance?: FactorImportanceInput[] | null;
}

@InputType()
export class ConsentInput {
  @Field() @IsBoolean() useLivedExperienceForMatching!: boolean;
  @Field() @IsBoolean() shareLivedExperienceWithWorkers!: boolean;
}

@InputType()
export class CreatePeerInput extends ProfileFieldsInput {
  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(MAX_TRAVEL_KM)
  maxDistanceKm?: number | null;

  @Field(() => MatchPreferencesInput, { nullable: true })
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
