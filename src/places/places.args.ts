import { ArgsType, Field, Int } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsInt, IsNotEmpty, IsString, Max, MaxLength, Min } from 'class-validator';
import { trimSpaces } from '../common/validation/text';

export const MAX_PLACES = 50;

@ArgsType()
export class PlacesArgs {
  @Field({
    description:
      'The first digits of a postcode, or a suburb’s name or part of it, in any case, optionally followed by a postcode; at most 100 characters.',
  })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? trimSpaces(value) : value))
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  search!: string;

  @Field(() => Int, { defaultValue: 10, description: `How many places at most, 1..${MAX_PLACES}.` })
  @IsInt()
  @Min(1)
  @Max(MAX_PLACES)
  first: number = 10;
}
