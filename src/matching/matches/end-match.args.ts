import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { MultilineText } from '../../common/validation/text-fields';
import { MatchEndReason } from '../core/matching.enums';

@ArgsType()
export class EndMatchArgs {
  @Field(() => ID, { description: 'The match to end; one already ENDED comes back unchanged.' })
  @IsUUID('all', { message: 'id must be a UUID' })
  id!: string;

  @Field(() => MatchEndReason, { description: 'Why it ends.' })
  @IsEnum(MatchEndReason)
  reason!: MatchEndReason;

  @Field(() => String, {
    nullable: true,
    description: 'In the words of whoever ends it: at most 1000 characters, line breaks allowed; never logged.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  @MultilineText()
  note?: string | null;
}
