import { Injectable } from '@nestjs/common';
import { PlaceEntry, PlaceIndex } from './place-index';
import { readPostcodeRows } from './postcode-data';

@Injectable()
export class PlacesService {
  private index?: Promise<PlaceIndex>;

  /** Loaded on the first search, not at start-up: the file is 25 MB and most processes never search. */
  private places(): Promise<PlaceIndex> {
    this.index ??= readPostcodeRows().then((rows) => new PlaceIndex(rows));
    // A failed read is tried again by the next search rather than kept.
    this.index.catch(() => (this.index = undefined));
    return this.index;
  }

  async search(text: string, first: number): Promise<PlaceEntry[]> {
    return (await this.places()).search(text, first);
  }
}
