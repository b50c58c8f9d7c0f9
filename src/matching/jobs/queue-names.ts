/** One queue for matching work; jobs carry ids only, never personal or health data. */
export const MATCHING_QUEUE = 'matching';

export const JobName = {
  /** Re-rank one peer's suggestions: { peerId }. */
  RECOMPUTE: 'recompute',
  /** Recompute the peers a change may affect: see FanOutJob. */
  FAN_OUT: 'fan-out',
  /** Repeating: re-enqueue stuck requests, expire old suggestions. */
  SWEEP: 'sweep',
} as const;

export interface RecomputeJob {
  peerId: string;
}

export type FanOutJob =
  /** Every peer with an open request: a worker's profile, capacity or activity changed. */
  | { scope: 'open-requests'; supportWorkerId?: string }
  /** Peers whose OPEN suggestions name this worker, who just became full. */
  | { scope: 'suggested'; supportWorkerId: string };
