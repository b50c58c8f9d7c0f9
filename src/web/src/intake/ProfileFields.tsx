import { AvailabilityGrid } from '../forms/AvailabilityGrid';
import { CheckboxGroup } from '../forms/CheckboxGroup';
import type { VariablesOf } from '../api/graphql';
import { GENDERS, MODES, parseLanguages, type Gender, type SupportMode } from '../forms/options';
import { messages } from '../messages';
import { PlacePicker, type Location } from './PlacePicker';
import type { CreatePeer } from './operations';
import { TagChoices, type Tags } from './TagChoices';

/** What peers and support workers both have, as the forms hold it while it is edited. */
export interface ProfileDraft {
  displayName: string;
  gender: Gender | '';
  birthYear: string;
  languages: string;
  modes: SupportMode[];
  location: Location | null;
  distanceKm: string;
  availability: string[];
  livedExperiences: string[];
  interests: string[];
  culturalBackgrounds: string[];
}

export const EMPTY_PROFILE: ProfileDraft = {
  displayName: '',
  gender: '',
  birthYear: '',
  languages: 'en',
  modes: [],
  location: null,
  distanceKm: '',
  availability: [],
  livedExperiences: [],
  interests: [],
  culturalBackgrounds: [],
};

/** Blank number fields are left out (null), not sent as zero. */
const numberOrNull = (text: string): number | null => (text.trim() === '' ? null : Number(text));

type Slot = NonNullable<VariablesOf<typeof CreatePeer>['input']['availability']>[number];

/** The fields a peer's and a worker's input share, as the API takes them; the distance is the form's own. */
export function profileInput(draft: ProfileDraft) {
  return {
    displayName: draft.displayName.trim(),
    gender: draft.gender || null,
    birthYear: numberOrNull(draft.birthYear),
    languages: parseLanguages(draft.languages),
    modes: draft.modes,
    location: draft.location,
    // The grid offers only the week's slots, so every value is one.
    availability: draft.availability as Slot[],
    livedExperiences: draft.livedExperiences,
    interests: draft.interests,
    culturalBackgrounds: draft.culturalBackgrounds,
    distanceKm: numberOrNull(draft.distanceKm),
  };
}

export function ProfileFields({
  draft,
  onChange,
  tags,
  distanceLabel,
}: {
  draft: ProfileDraft;
  onChange: (next: ProfileDraft) => void;
  tags: Tags;
  distanceLabel: string;
}) {
  const set = <Key extends keyof ProfileDraft>(key: Key, value: ProfileDraft[Key]) =>
    onChange({ ...draft, [key]: value });
  const { fields } = messages.intake;
  return (
    <>
      <label className="field">
        <span>{fields.displayName}</span>
        <input
          value={draft.displayName}
          required
          maxLength={100}
          onChange={(event) => set('displayName', event.target.value)}
        />
      </label>
      <label className="field">
        <span>{fields.gender}</span>
        <select value={draft.gender} onChange={(event) => set('gender', event.target.value as Gender | '')}>
          <option value="">{fields.genderUnset}</option>
          {GENDERS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{fields.birthYear}</span>
        <input
          type="number"
          inputMode="numeric"
          value={draft.birthYear}
          onChange={(event) => set('birthYear', event.target.value)}
        />
      </label>
      <label className="field">
        <span>{fields.languages}</span>
        <input value={draft.languages} required onChange={(event) => set('languages', event.target.value)} />
      </label>
      <CheckboxGroup
        legend={fields.modes}
        options={MODES}
        selected={draft.modes}
        onChange={(next) => set('modes', next)}
      />
      <PlacePicker value={draft.location} onChange={(next) => set('location', next)} />
      <label className="field">
        <span>{distanceLabel}</span>
        <input
          type="number"
          inputMode="decimal"
          value={draft.distanceKm}
          onChange={(event) => set('distanceKm', event.target.value)}
        />
      </label>
      <AvailabilityGrid
        legend={fields.availability}
        selected={draft.availability}
        onChange={(next) => set('availability', next)}
      />
      <TagChoices
        legend={fields.livedExperiences}
        tags={tags}
        kind="LIVED_EXPERIENCE"
        selected={draft.livedExperiences}
        onChange={(next) => set('livedExperiences', next)}
      />
      <TagChoices
        legend={fields.interests}
        tags={tags}
        kind="INTEREST"
        selected={draft.interests}
        onChange={(next) => set('interests', next)}
      />
      <TagChoices
        legend={fields.culturalBackgrounds}
        tags={tags}
        kind="CULTURE"
        selected={draft.culturalBackgrounds}
        onChange={(next) => set('culturalBackgrounds', next)}
      />
    </>
  );
}

interface ProfileRecord {
  displayName: string;
  gender?: Gender | null;
  birthYear?: number | null;
  languages: string[];
  modes: SupportMode[];
  location?: Location | null;
  availability: string[];
  livedExperiences: { slug: string }[];
  interests: { slug: string }[];
  culturalBackgrounds: { slug: string }[];
}

export function draftOf(record: ProfileRecord, distanceKm: number | null | undefined): ProfileDraft {
  return {
    displayName: record.displayName,
    gender: record.gender ?? '',
    birthYear: record.birthYear == null ? '' : String(record.birthYear),
    languages: record.languages.join(', '),
    modes: record.modes,
    location: record.location ? { latitude: record.location.latitude, longitude: record.location.longitude } : null,
    distanceKm: distanceKm == null ? '' : String(distanceKm),
    availability: record.availability,
    livedExperiences: record.livedExperiences.map((tag) => tag.slug),
    interests: record.interests.map((tag) => tag.slug),
    culturalBackgrounds: record.culturalBackgrounds.map((tag) => tag.slug),
  };
}
