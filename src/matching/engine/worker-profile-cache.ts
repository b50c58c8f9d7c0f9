import { Injectable } from '@nestjs/common';
import { MatchingProfilesService } from './matching-profiles.service';
import { WorkerProfile } from '../core';

export interface WorkerVersion {
  id: string;
  profileVersion: number;
  /** Read fresh with the version: it changes with every accepted or ended match. */
  activeMatchCount: number;
}

/** Enough for every worker of a large service; the least recently loaded go first. */
const MAX_CACHED = 20_000;

/**
 * Support worker profiles as the consumer last loaded them, keyed by profile version: every
 * recompute would otherwise reload the same hundreds of workers. Who is a candidate, and how
 * many active matches each has, is always read fresh by the caller.
 */
@Injectable()
export class WorkerProfileCache {
  private readonly cached = new Map<string, { version: number; profile: WorkerProfile }>();

  constructor(private readonly profiles: MatchingProfilesService) {}

  async profilesOf(workers: readonly WorkerVersion[]): Promise<WorkerProfile[]> {
    const stale = workers.filter(({ id, profileVersion }) => this.cached.get(id)?.version !== profileVersion);
    if (stale.length) {
      const loaded = await this.profiles.workerProfiles(stale.map(({ id }) => id));
      const versions = new Map(stale.map(({ id, profileVersion }) => [id, profileVersion]));
      for (const profile of loaded) {
        this.cached.delete(profile.id);
        this.cached.set(profile.id, { version: versions.get(profile.id)!, profile });
      }
      while (this.cached.size > MAX_CACHED) this.cached.delete(this.cached.keys().next().value!);
    }
    const profiles: WorkerProfile[] = [];
    for (const { id, activeMatchCount } of workers) {
      const profile = this.cached.get(id)?.profile;
      if (profile) profiles.push({ ...profile, activeMatchCount });
    }
    return profiles;
  }
}
