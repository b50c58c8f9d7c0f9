import { definePolicy } from '../common/access/policy';
import { STAFF } from '../common/access/staff';

/** Intake staff look places up while entering a location; the data is public, but nobody else enters locations. */
export const LOOK_UP_PLACES = definePolicy('places', STAFF);
