import { distanceKm } from '../matching/core/geo';
import { readPostcodeRowsNow } from '../places/postcode-data';
import { SYDNEY } from '../population/population';

export interface Suburb {
  name: string;
  postcode: string;
  latitude: number;
  longitude: number;
}

/** How far from the city centre demo people live, as the population notes say. */
export const SUBURB_RADIUS_KM = 40;

/** "ST MARYS" reads as people write it: "St Marys"; "MCMAHONS POINT" as "McMahons Point". */
function titleCase(locality: string): string {
  return locality
    .toLowerCase()
    .replace(/\b([a-z])/g, (letter) => letter.toUpperCase())
    .replace(/\bMc([a-z])/g, (_, letter: string) => `Mc${letter.toUpperCase()}`);
}

let cached: Suburb[] | undefined;

/**
 * Real suburbs within SUBURB_RADIUS_KM of Sydney's centre, one per name, in a stable order: the
 * delivery areas (not post office boxes or mail centres) of the package's New South Wales rows.
 */
export function sydneySuburbs(): Suburb[] {
  if (cached) return cached;
  const rows = readPostcodeRowsNow();
  const byName = new Map<string, Suburb>();
  for (const row of rows) {
    if (row.state !== 'NSW' || row.type !== 'Delivery Area' || !row.Lat_precise || !row.Long_precise) continue;
    const distance = distanceKm(SYDNEY.latitude, SYDNEY.longitude, row.Lat_precise, row.Long_precise);
    const name = titleCase(row.locality);
    if (distance > SUBURB_RADIUS_KM || byName.has(name)) continue;
    byName.set(name, { name, postcode: row.postcode, latitude: row.Lat_precise, longitude: row.Long_precise });
  }
  cached = [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
  return cached;
}
