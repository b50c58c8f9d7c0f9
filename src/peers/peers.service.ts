import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Connection, PageArgs } from '../common/pagination/connection';
import { MatchingJobs } from '../matching/jobs/matching-jobs.service';
import { ProfileStore } from '../common/profile/profile-store';
import { applyProfileFields } from '../common/profile/profile-writer';
import { TaxonomyService } from '../taxonomy/taxonomy.service';
import { CreatePeerInput } from './dto/create-peer.input';
import { UpdatePeerInput } from './dto/update-peer.input';
import { Peer } from './peer.entity';

const NO_CONSENT = { useLivedExperienceForMatching: false, shareLivedExperienceWithWorkers: false };

function applyPeerFields(peer: Peer, input: UpdatePeerInput): void {
  applyProfileFields(peer, input);
  if (input.maxDistanceKm !== undefined) peer.maxDistanceKm = input.maxDistanceKm ?? null;
  if (input.preferences !== undefined) {
    peer.preferences = {
      workerGenders: input.preferences?.workerGenders ?? null,
      importance: input.preferences?.importance ?? null,
    };
  }
  if (input.consent !== undefined) peer.consent = { ...(input.consent ?? NO_CONSENT) };
}

@Injectable()
export class PeersService {
  private readonly store: ProfileStore<Peer, UpdatePeerInput>;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    taxonomy: TaxonomyService,
    private readonly jobs: MatchingJobs,
  ) {
    this.store = new ProfileStore(dataSource, taxonomy, {
      entity: Peer,
      alias: 'peer',
      notFound: 'PEER_NOT_FOUND',
      noun: 'peer',
      required: ['displayName', 'languages', 'modes'],
      defaults: () => ({ preferences: {}, consent: { ...NO_CONSENT } }),
      apply: applyPeerFields,
      hidden: (peer) => peer.erasedAt !== null,
      hiddenSql: 'peer.erased_at IS NOT NULL',
    });
  }

  findById(id: string): Promise<Peer | null> {
    return this.store.findById(id);
  }

  list(page: PageArgs): Promise<Connection<Peer>> {
    return this.store.list(page);
  }

  create(input: CreatePeerInput): Promise<Peer> {
    return this.store.create(input);
  }

  /** Suggestions depend on the profile: an open request is recomputed once the change is committed. */
  async update(id: string, input: UpdatePeerInput): Promise<Peer> {
    const peer = await this.store.update(id, input);
    await this.jobs.recompute([id]);
    return peer;
  }
}
