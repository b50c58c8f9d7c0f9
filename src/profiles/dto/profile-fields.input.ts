import { Field, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsEnum,
  IsInt,
  IsISO6391,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import { Gender, SupportMode } from '../../matching/core/profile.enums';
import { PersonName, DISPLAY_NAME_MAX_LENGTH } from '../../common/validation/text-fields';
import { LocationInput } from '../location';
import { WeeklySlot } from '../weekly-slot';

export const MAX_LANGUAGES = 10;
export const MAX_TAGS_PER_KIND = 20;
const TAG_SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** The bound is read when validating, so a long-running process follows the calendar. */
function IsNotAFutureYear(): PropertyDecorator {
  return ValidateBy({
    name: 'isNotAFutureYear',
    validator: {
      validate: (value: unknown) => typeof value === 'number' && value <= new Date().getUTCFullYear(),
      defaultMessage: (args) => `${args?.property ?? 'year'} must not be in the future`,
    },
  });
}

function TagSlugList(): PropertyDecorator {
  return (target, property) => {
    IsOptional()(target, property);
    ArrayMaxSize(MAX_TAGS_PER_KIND)(target, property);
    ArrayUnique()(target, property);
    IsString({ each: true })(target, property);
    MaxLength(64, { each: true })(target, property);
    Matches(TAG_SLUG, { each: true, message: `${String(property)} must hold tag slugs such as "panic-attacks"` })(
      target,
      property,
    );
  };
}

/** The fields a peer and a support worker are registered with. */
@InputType({ isAbstract: true })
export abstract class ProfileFieldsInput {
  @Field({
    description:
      'The name the person goes by: 1..100 characters once trimmed, on one line; control and invisible formatting characters are refused.',
  })
  @PersonName({ maxLength: DISPLAY_NAME_MAX_LENGTH })
  displayName!: string;

  @Field(() => Gender, { nullable: true, description: 'Null: not given.' })
  @IsOptional()
  @IsEnum(Gender)
  gender?: Gender | null;

  @Field(() => Int, { nullable: true, description: 'Year of birth, 1900 to this year.' })
  @IsOptional()
  @IsInt()
  @Min(1900)
  @IsNotAFutureYear()
  birthYear?: number | null;

  @Field(() => [String], {
    description: `ISO 639-1 codes such as "en" or "vi", the first preferred: 1..${MAX_LANGUAGES}, each once.`,
  })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_LANGUAGES)
  @ArrayUnique()
  @IsISO6391({ each: true, message: 'languages must be ISO 639-1 codes such as "en" or "vi"' })
  languages!: string[];

  @Field(() => [SupportMode], { description: 'How the person will meet: at least one, each once.' })
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsEnum(SupportMode, { each: true })
  modes!: SupportMode[];

  @Field(() => LocationInput, {
    nullable: true,
    description: 'Where the person is, for meeting in person; without it distance neither counts nor excludes.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => LocationInput)
  location?: LocationInput | null;

  @Field(() => [WeeklySlot], {
    nullable: true,
    description: 'When the person is usually available, each slot once; null or empty: AVAILABILITY does not count.',
  })
  @IsOptional()
  @ArrayUnique()
  @IsEnum(WeeklySlot, { each: true })
  availability?: WeeklySlot[] | null;

  @Field(() => [String], {
    nullable: true,
    description: `Tag slugs of kind LIVED_EXPERIENCE (see tags), at most ${MAX_TAGS_PER_KIND}, each once.`,
  })
  @TagSlugList()
  livedExperiences?: string[] | null;

  @Field(() => [String], {
    nullable: true,
    description: `Tag slugs of kind INTEREST (see tags), at most ${MAX_TAGS_PER_KIND}, each once.`,
  })
  @TagSlugList()
  interests?: string[] | null;

  @Field(() => [String], {
    nullable: true,
    description: `Tag slugs of kind CULTURE (see tags), at most ${MAX_TAGS_PER_KIND}, each once.`,
  })
  @TagSlugList()
  culturalBackgrounds?: string[] | null;
}
