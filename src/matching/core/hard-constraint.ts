/** Why a worker cannot be suggested to a peer at all. A pair can fail several at once. */
export enum HardConstraint {
  WORKER_INACTIVE = 'WORKER_INACTIVE',
  WORKER_AT_CAPACITY = 'WORKER_AT_CAPACITY',
  NO_SHARED_LANGUAGE = 'NO_SHARED_LANGUAGE',
  NO_COMPATIBLE_MODE = 'NO_COMPATIBLE_MODE',
  OUT_OF_RANGE = 'OUT_OF_RANGE',
  GENDER_PREFERENCE = 'GENDER_PREFERENCE',
  PREVIOUSLY_DECLINED = 'PREVIOUSLY_DECLINED',
  /** In person is all the pair shares, and one of them has no known location: no distance can be trusted. */
  LOCATION_UNKNOWN = 'LOCATION_UNKNOWN',
  /** The worker has said they take no new peers for now; their matches go on. */
  WORKER_NOT_ACCEPTING_NEW_PEERS = 'WORKER_NOT_ACCEPTING_NEW_PEERS',
}

/** One bit per constraint, in the enum's order, for the kernel. */
export const CONSTRAINT_ORDER: readonly HardConstraint[] = Object.values(HardConstraint);

export function constraintBit(constraint: HardConstraint): number {
  return 1 << CONSTRAINT_ORDER.indexOf(constraint);
}

export function constraintsOf(mask: number): HardConstraint[] {
  return CONSTRAINT_ORDER.filter((_, bit) => (mask & (1 << bit)) !== 0);
}
