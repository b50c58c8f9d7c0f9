import { ArgsType, Field } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PageArgs } from '../../common/pagination/connection';
import { trimSpaces } from '../../common/validation/text';

/** As long as a display name may be: a longer piece of one cannot match. */
export const NAME_CONTAINS_MAX_LENGTH = 100;

/** A page of peers or support workers, optionally only those whose name holds some text. */
@ArgsType()
export class ProfileListArgs extends PageArgs {
  @Field(() => String, {
    nullable: true,
    description: `Only those whose displayName holds this text, in any case; % and _ match themselves. At most ${NAME_CONTAINS_MAX_LENGTH} characters; left out, null or blank: everyone.`,
  })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? trimSpaces(value) : value))
  @IsOptional()
  @IsString()
  @MaxLength(NAME_CONTAINS_MAX_LENGTH)
  nameContains?: string | null;
}

/** A LIKE pattern matching names that hold `text` as it is: its own wildcards and escapes escaped. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}
