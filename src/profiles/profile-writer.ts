import { EntityManager } from 'typeorm';
import { TagKind } from '../taxonomy/tag-kind';
import { Tag } from '../taxonomy/tag.entity';
import { TaxonomyService } from '../taxonomy/taxonomy.service';
import { DomainError } from '../common/errors/domain-error';
import { ProfileFieldsInput } from './dto/profile-fields.input';
import { ProfileColumns } from './profile-columns';
import { slotsToMask } from './weekly-slot';

type ProfileInput = Partial<ProfileFieldsInput>;

/** GraphQL lets an update send null for any field; these may be left out but never cleared. */
export function rejectNulls<T extends object>(input: T, fields: readonly (keyof T & string)[]): void {
  const cleared = fields.filter((field) => input[field] === null);
  if (cleared.length) {
    throw new DomainError('INVALID_INPUT', `Invalid input: ${cleared.join(', ')} cannot be null`, {
      fields: cleared,
    });
  }
}

/** Copies the shared profile fields that the input names; undefined means unchanged. */
export function applyProfileFields(profile: ProfileColumns, input: ProfileInput): void {
  if (input.displayName !== undefined) profile.displayName = input.displayName;
  if (input.gender !== undefined) profile.gender = input.gender ?? null;
  if (input.birthYear !== undefined) profile.birthYear = input.birthYear ?? null;
  if (input.languages !== undefined) profile.languages = input.languages;
  if (input.modes !== undefined) profile.modes = input.modes;
  if (input.availability !== undefined) profile.availabilityMask = slotsToMask(input.availability);
  if (input.location !== undefined) {
    profile.latitude = input.location?.latitude ?? null;
    profile.longitude = input.location?.longitude ?? null;
  }
}

/**
 * The profile's tags after the input is applied: each kind the input names is replaced, the
 * others are kept. Unknown slugs fail the whole write.
 */
export async function resolveProfileTags(
  taxonomy: TaxonomyService,
  manager: EntityManager,
  input: ProfileInput,
  current: readonly Tag[],
): Promise<Tag[]> {
  const replaced = await taxonomy.resolve(
    {
      [TagKind.LIVED_EXPERIENCE]: input.livedExperiences,
      [TagKind.INTEREST]: input.interests,
      [TagKind.CULTURE]: input.culturalBackgrounds,
    },
    manager,
  );
  const kept = current.filter((tag) => !replaced.has(tag.kind));
  return [...kept, ...[...replaced.values()].flat()];
}
