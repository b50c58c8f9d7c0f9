import { ArgsType, Field } from '@nestjs/graphql';
import { IsOptional } from 'class-validator';
import { PageArgs } from '../../common/pagination/connection';
import { DISPLAY_NAME_MAX_LENGTH, TrimmedText } from '../../common/validation/text-fields';

/** As long as a display name may be: a longer piece of one cannot match. */
export const NAME_CONTAINS_MAX_LENGTH = DISPLAY_NAME_MAX_LENGTH;

/** A page of peers or support workers, optionally only those whose name holds some text. */
@ArgsType()
export class ProfileListArgs extends PageArgs {
  @Field(() => String, {
    nullable: true,
    description: `Only those whose displayName holds this text, in any case; % and _ match themselves. At most ${NAME_CONTAINS_MAX_LENGTH} characters; left out, null or blank: everyone.`,
  })
  @IsOptional()
  @TrimmedText({ maxLength: NAME_CONTAINS_MAX_LENGTH, blank: true })
  nameContains?: string | null;
}

/** A LIKE pattern matching names that hold `text` as it is: its own wildcards and escapes escaped. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}
