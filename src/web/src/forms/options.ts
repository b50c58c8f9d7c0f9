import { messages } from '../messages';
import type { Option } from './CheckboxGroup';

type Labels<Key extends string> = Record<Key, string>;

/** The choices of an enum, worded from the catalogue, in the catalogue's order. */
export function optionsOf<Key extends string>(labels: Labels<Key>): Option<Key>[] {
  return (Object.keys(labels) as Key[]).map((value) => ({ value, label: labels[value] }));
}

export type Gender = keyof typeof messages.genders;
export type SupportMode = keyof typeof messages.modes;
export type MatchFactor = keyof typeof messages.factors;

export const GENDERS = optionsOf(messages.genders);
export const MODES = optionsOf(messages.modes);
export const FACTORS = Object.keys(messages.factors) as MatchFactor[];

export const DAYS = Object.keys(messages.days) as (keyof typeof messages.days)[];
export const PARTS_OF_DAY = Object.keys(messages.partsOfDay) as (keyof typeof messages.partsOfDay)[];

/** Languages typed as "en, vi": trimmed, lower case, empty ones dropped, order kept (first = preferred). */
export function parseLanguages(text: string): string[] {
  return text
    .split(',')
    .map((code) => code.trim().toLowerCase())
    .filter(Boolean);
}
