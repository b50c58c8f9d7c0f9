import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { MultilineText } from '../../common/validation/text-fields';
import { DeclineReason } from '../core/matching.enums';

@ArgsType()
export class DeclineSuggestionArgs {
  @Field(() => ID, {
    description:
      'The suggestion to decline, while OPEN (otherwise CONFLICT); one already DECLINED comes back unchanged.',
  })
  @IsUUID('all', { message: 'id must be a UUID' })
  id!: string;

  @Field(() => DeclineReason, { description: 'Why; a reason naming a factor makes it count more for this peer.' })
  @IsEnum(DeclineReason)
  reason!: DeclineReason;

  @Field(() => String, {
    nullable: true,
    description: 'In the peer’s words: at most 1000 characters, line breaks allowed; never logged.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  @MultilineText()
  note?: string | null;
}
