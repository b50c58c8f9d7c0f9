import { en, type Messages } from './en';

/** The catalogue the pages read; the one place a language would be chosen. */
export const messages: Messages = en;
export const locale = 'en-AU';

const lists = new Intl.ListFormat(locale, { type: 'conjunction' });
const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'long' });
const times = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });

export const listOf = (items: string[]): string => lists.format(items);
export const dateOf = (iso: string): string => dates.format(new Date(iso));
export const dateTimeOf = (iso: string): string => times.format(new Date(iso));

export function languageName(code: string): string {
  const known = messages.languages[code as Exclude<keyof Messages['languages'], 'other'>];
  return typeof known === 'string' ? known : messages.languages.other(code);
}

/** A tag as it reads inside a sentence ("anxiety"), or as a choice in a list ("Anxiety"). */
export function tagName(tag: { slug: string; label: string }): string {
  return messages.tags[tag.slug] ?? tag.label;
}

export function tagLabel(tag: { slug: string; label: string }): string {
  const name = tagName(tag);
  return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
}
