import { Injectable } from '@nestjs/common';
import { MatchingProfilesService } from './matching-profiles.service';
import { TaxonomyIndex } from '../core';

/** Tags change only with a deployment's migrations: read again at most once a minute. */
const FRESH_FOR_MS = 60_000;

@Injectable()
export class TaxonomyCache {
  private cached?: { index: Promise<TaxonomyIndex>; readAt: number };

  constructor(private readonly profiles: MatchingProfilesService) {}

  current(): Promise<TaxonomyIndex> {
    if (!this.cached || Date.now() - this.cached.readAt > FRESH_FOR_MS) {
      const index = this.profiles.taxonomy();
      this.cached = { index, readAt: Date.now() };
      index.catch(() => (this.cached = undefined));
    }
    return this.cached.index;
  }
}
