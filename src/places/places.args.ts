import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsInt, Max, Min } from 'class-validator';
import { TrimmedText } from '../common/validation/text-fields';

export const MAX_PLACES = 50;

@ArgsType()
export class PlacesArgs {
  @Field({
    description:
      'The first digits of a postcode, or a suburb’s name or part of it, in any case, optionally followed by a postcode; at most 100 characters.',
  })
  @TrimmedText({ maxLength: 100 })
  search!: string;

  @Field(() => Int, { defaultValue: 10, description: `How many places at most, 1..${MAX_PLACES}.` })
  @IsInt()
  @Min(1)
  @Max(MAX_PLACES)
  first: number = 10;
}
