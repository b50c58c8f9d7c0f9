/**
 * Matching work owed lives in PostgreSQL (engine/recompute-due.ts, fan_out_due); the queues' jobs
 * carry ids only, never personal or health data, and mostly just wake a consumer to take it.
 */
export const MATCHING_QUEUE = 'matching';
/**
 * Work someone waits for, with a consumer slot of its own, so that it is never behind a
 * background batch already running (a running job is not pre-empted).
 */
export const INTERACTIVE_QUEUE = 'matching-interactive';

export const JobName = {
  /** Claim a batch of due peers and recompute it: no data. */
  RECOMPUTE_BATCH: 'recompute-batch',
  /** Turn one worker's change into recomputes of the peers it may affect: see FanOutJob. */
  FAN_OUT: 'fan-out',
  /** Repeating: wake batches and fan-outs left undone, re-ask for stuck requests, expire old suggestions. */
  SWEEP: 'sweep',
  /** One peer's recompute, as jobs were before batches: still taken, if left in a queue. */
  LEGACY_RECOMPUTE: 'recompute',
} as const;

export interface LegacyRecomputeJob {
  peerId: string;
}

/** A worker changed (profile, capacity, activity), filled up, or has a place again. */
export interface FanOutJob {
  supportWorkerId: string;
}
