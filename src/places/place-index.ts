import type { PostcodeRow } from './postcode-data';

/** A suburb or locality with its postcode, as the lookup gives it. */
export interface PlaceEntry {
  suburb: string;
  postcode: string;
  state: string;
  location: { latitude: number; longitude: number };
}

// Post office boxes and large-volume receivers are postal addresses, not places people live.
const NOT_WHERE_PEOPLE_LIVE = new Set(['Post Office Boxes', 'LVR']);

/** Upper case, accents and curly apostrophes folded, spaces collapsed: how names are compared. */
export function foldName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[\u2018\u2019`]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toUpperCase();
}

interface Indexed {
  place: PlaceEntry;
  folded: string;
}

/** How well a name answers a search, best first; -1: not at all. The exact name sorts first among those starting with it. */
function tierOf(folded: string, search: string): number {
  if (folded.startsWith(search)) return 1;
  const at = folded.indexOf(search);
  if (at < 0) return -1;
  return /[ '-]/.test(folded[at - 1]) ? 2 : 3;
}

const POSTCODE = /^\d{1,4}$/;
const NAME_THEN_POSTCODE = /^(.*\D)\s+(\d{1,4})$/;

/** Every place of the postcode data once, searched in memory by postcode or name. */
export class PlaceIndex {
  private readonly places: readonly Indexed[];

  constructor(rows: readonly PostcodeRow[]) {
    const seen = new Set<string>();
    const places: Indexed[] = [];
    for (const row of rows) {
      if (row.type && NOT_WHERE_PEOPLE_LIVE.has(row.type)) continue;
      const folded = foldName(row.locality);
      const key = `${folded}|${row.postcode}|${row.state}`;
      if (seen.has(key) || !Number.isFinite(row.lat) || !Number.isFinite(row.long)) continue;
      seen.add(key);
      places.push({
        folded,
        place: {
          suburb: row.locality,
          postcode: row.postcode,
          state: row.state,
          location: { latitude: row.lat, longitude: row.long },
        },
      });
    }
    this.places = places;
  }

  get size(): number {
    return this.places.length;
  }

  /**
   * Digits alone: postcodes starting with them. Otherwise suburbs whose name starts with, has a
   * word starting with, or holds the text, in that order; a postcode after the name
   * narrows it ("bondi 2026"). Ties go alphabetically, then by postcode.
   */
  search(text: string, first: number): PlaceEntry[] {
    const search = foldName(text);
    if (!search) return [];
    if (POSTCODE.test(search)) {
      return this.ranked(
        this.places.filter(({ place }) => place.postcode.startsWith(search)).map((indexed) => ({ indexed, tier: 0 })),
        first,
        (a, b) => a.place.postcode.localeCompare(b.place.postcode),
      );
    }
    const [, name, postcode] = NAME_THEN_POSTCODE.exec(search) ?? [search, search, ''];
    const wanted = name.trim();
    const found: { indexed: Indexed; tier: number }[] = [];
    for (const indexed of this.places) {
      if (postcode && !indexed.place.postcode.startsWith(postcode)) continue;
      const tier = tierOf(indexed.folded, wanted);
      if (tier >= 0) found.push({ indexed, tier });
    }
    return this.ranked(found, first, () => 0);
  }

  private ranked(
    found: { indexed: Indexed; tier: number }[],
    first: number,
    before: (a: Indexed, b: Indexed) => number,
  ): PlaceEntry[] {
    return found
      .sort(
        (a, b) =>
          a.tier - b.tier ||
          before(a.indexed, b.indexed) ||
          a.indexed.folded.localeCompare(b.indexed.folded) ||
          a.indexed.place.postcode.localeCompare(b.indexed.place.postcode) ||
          a.indexed.place.state.localeCompare(b.indexed.place.state),
      )
      .slice(0, first)
      .map(({ indexed }) => indexed.place);
  }
}
