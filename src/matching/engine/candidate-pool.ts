import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PreparedWorkers, prepareWorkers, TaxonomyIndex } from '../core';
import { TaxonomyCache } from './taxonomy-cache';
import { WorkerProfileCache } from './worker-profile-cache';

export interface CandidatePool {
  workers: PreparedWorkers;
  /** OPEN suggestions naming each worker (by index): they use up its exposure budget. */
  offered: Int32Array;
}

interface PoolRow {
  id: string;
  profile_version: number;
  active: number;
}

/**
 * Counting the OPEN suggestions naming each worker reads the whole table: a count this recent is
 * shared by the batches that start meanwhile, and kept current with this process's own writes.
 * It only orders who is offered first (the exposure budget); who can be offered at all (active,
 * accepting new peers, free places, version) is read fresh for every batch.
 */
const OFFERED_FRESH_MS = 1000;

/**
 * Every active support worker taking new peers and with a free place, read once per batch and
 * prepared for the core. The prepared columns are kept while no worker in the pool changes
 * version, active matches or membership, and the taxonomy stays the same: a refresh of thousands
 * of peers prepares the pool once, not once per peer. Hard constraints are all checked by the
 * core, exactly, per pair.
 */
@Injectable()
export class CandidatePools {
  private prepared?: { key: string; taxonomy: TaxonomyIndex; workers: PreparedWorkers };
  private offeredCounts?: { counts: Map<string, number>; readAt: number };
  private readingOffered?: Promise<Map<string, number>>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly workerProfiles: WorkerProfileCache,
    private readonly taxonomy: TaxonomyCache,
  ) {}

  async current(): Promise<CandidatePool> {
    const [rows, taxonomy, counts]: [PoolRow[], TaxonomyIndex, Map<string, number>] = await Promise.all([
      this.dataSource.query(
        `SELECT w.id, w.profile_version, coalesce(a.count, 0)::int AS active
           FROM support_worker w
           LEFT JOIN (SELECT support_worker_id, count(*) FROM match WHERE status = 'ACTIVE' GROUP BY 1) a
                  ON a.support_worker_id = w.id
          WHERE w.active AND w.accepting_new_peers AND w.capacity > coalesce(a.count, 0)
          ORDER BY w.id`,
      ),
      this.taxonomy.current(),
      this.offered(),
    ]);
    const key = rows.map((row) => `${row.id}:${row.profile_version}:${row.active}`).join(',');
    if (this.prepared?.key !== key || this.prepared.taxonomy !== taxonomy) {
      const profiles = await this.workerProfiles.profilesOf(
        rows.map((row) => ({ id: row.id, profileVersion: row.profile_version, activeMatchCount: row.active })),
      );
      this.prepared = { key, taxonomy, workers: prepareWorkers(profiles, taxonomy) };
    }
    const { workers } = this.prepared;
    const offered = new Int32Array(workers.count);
    for (const [workerId, count] of counts) {
      const index = workers.indexById.get(workerId);
      if (index !== undefined) offered[index] = count;
    }
    return { workers, offered };
  }

  /** A write of this process, counted at once: suggestions naming these workers opened, and closed. */
  recordOffered(opened: readonly string[], closed: readonly string[]): void {
    const counts = this.offeredCounts?.counts;
    if (!counts) return;
    for (const workerId of opened) counts.set(workerId, (counts.get(workerId) ?? 0) + 1);
    for (const workerId of closed) counts.set(workerId, Math.max(0, (counts.get(workerId) ?? 0) - 1));
  }

  private offered(): Promise<Map<string, number>> {
    if (this.offeredCounts && Date.now() - this.offeredCounts.readAt < OFFERED_FRESH_MS) {
      return Promise.resolve(this.offeredCounts.counts);
    }
    this.readingOffered ??= (async () => {
      const readAt = Date.now();
      const rows: { support_worker_id: string; count: number }[] = await this.dataSource.query(
        `SELECT support_worker_id, count(*)::int AS count FROM suggestion WHERE status = 'OPEN' GROUP BY 1`,
      );
      const counts = new Map(rows.map((row) => [row.support_worker_id, row.count]));
      this.offeredCounts = { counts, readAt };
      return counts;
    })().finally(() => (this.readingOffered = undefined));
    return this.readingOffered;
  }
}
