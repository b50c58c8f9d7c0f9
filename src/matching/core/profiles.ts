import { Gender, SupportMode } from './profile.enums';
import { Importance } from './weights';

export type TagKindName = 'LIVED_EXPERIENCE' | 'INTEREST' | 'CULTURE';

export interface TagInfo {
  id: string;
  kind: TagKindName;
  parentId: string | null;
  label: string;
}

export interface GeoPoint {
  latitude: number;
  longitude: number;
}

/** Weekly availability: bit (day * 3 + part) for Monday..Sunday x morning, afternoon, evening. */
export type WeeklyAvailability = number;

interface ProfileBase {
  id: string;
  gender: Gender | null;
  birthYear: number | null;
  /** ISO 639-1 codes; for a peer the first is preferred. */
  languages: readonly string[];
  modes: readonly SupportMode[];
  location: GeoPoint | null;
  livedExperienceIds: readonly string[];
  interestIds: readonly string[];
  cultureIds: readonly string[];
  availability?: WeeklyAvailability | null;
}

export interface PeerProfile extends ProfileBase {
  maxDistanceKm: number | null;
  /** Empty: any gender. */
  workerGenders: readonly Gender[];
  importance: Importance;
  consent: { useLivedExperienceForMatching: boolean; shareLivedExperienceWithWorkers: boolean };
  declinedWorkerIds: readonly string[];
}

export interface WorkerProfile extends ProfileBase {
  serviceRadiusKm: number | null;
  capacity: number;
  activeMatchCount: number;
  active: boolean;
  /** False: not suggested to anyone new, whatever their free places. */
  acceptingNewPeers: boolean;
}
