export const EARTH_RADIUS_KM = 6371;
export const RADIANS = Math.PI / 180;

/**
 * Equirectangular distance from the first point: within a city (tens of km) it is within 0.1%
 * of the great-circle distance, and the cosine depends on the first point only, so the kernel
 * computes it once per peer.
 */
export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const x = (lon2 - lon1) * RADIANS * Math.cos(lat1 * RADIANS);
  const y = (lat2 - lat1) * RADIANS;
  return EARTH_RADIUS_KM * Math.sqrt(x * x + y * y);
}
