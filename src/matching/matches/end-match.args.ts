import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { MultilineText } from '../../common/validation/text-fields';
import { MatchEndReason } from '../core/matching.enums';

@ArgsType()
export class EndMatchArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be a UUID' })
  id!: string;

  @Field(() => MatchEndReason)
  @IsEnum(MatchEndReason)
  reason!: MatchEndReason;

  @Field(() => String, { nullable: true, description: 'At most 1000 characters.' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  @MultilineText()
  note?: string | null;
}
