import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { locationOf } from '../../profiles/location';
import { ProfileColumns } from '../../profiles/profile-columns';
import { Peer } from '../../peers/peer.entity';
import { SupportWorker } from '../../support-workers/support-worker.entity';
import { TagKind } from '../../taxonomy/tag-kind';
import { Tag } from '../../taxonomy/tag.entity';
import { activeMatchCounts } from '../matches/active-match-counts';
import { Importance, PeerProfile, TagInfo, TaxonomyIndex, WorkerProfile } from '../core';
import { MatchFactor } from '../core/match-factor';
import { DEFAULT_IMPORTANCE } from '../core/weights';

interface TagLink {
  owner_id: string;
  tag_id: string;
  kind: TagKind;
}

type TagIdsByKind = Record<TagKind, string[]>;

function tagIdsByOwner(links: TagLink[]): (ownerId: string) => TagIdsByKind {
  const byOwner = new Map<string, TagIdsByKind>();
  for (const link of links) {
    let ids = byOwner.get(link.owner_id);
    if (!ids) byOwner.set(link.owner_id, (ids = { LIVED_EXPERIENCE: [], INTEREST: [], CULTURE: [] }));
    ids[link.kind].push(link.tag_id);
  }
  return (ownerId) => byOwner.get(ownerId) ?? { LIVED_EXPERIENCE: [], INTEREST: [], CULTURE: [] };
}

function sharedFields(row: ProfileColumns & { id: string }, tags: TagIdsByKind) {
  return {
    id: row.id,
    gender: row.gender,
    birthYear: row.birthYear,
    languages: row.languages,
    modes: row.modes,
    location: locationOf(row),
    availability: row.availabilityMask,
    livedExperienceIds: tags.LIVED_EXPERIENCE,
    interestIds: tags.INTEREST,
    cultureIds: tags.CULTURE,
  };
}

/** The peer's own importance, raised by what their declines said matters (never above 3). */
function withNudges(peer: Peer): Importance {
  const importance: Importance = Object.fromEntries(
    (peer.preferences.importance ?? []).map((item) => [item.factor, item.importance]),
  );
  for (const [factor, nudge] of Object.entries(peer.declineNudges) as [MatchFactor, number][]) {
    importance[factor] = Math.min(3, (importance[factor] ?? DEFAULT_IMPORTANCE) + nudge);
  }
  return importance;
}

/** Turns stored rows into the plain profiles the scoring core works on. */
@Injectable()
export class MatchingProfilesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async taxonomy(manager: EntityManager = this.dataSource.manager): Promise<TaxonomyIndex> {
    const tags = await manager.getRepository(Tag).find({ order: { kind: 'ASC', slug: 'ASC' } });
    return new TaxonomyIndex(
      tags.map((tag): TagInfo => ({ id: tag.id, kind: tag.kind, parentId: tag.parentId, label: tag.label })),
    );
  }

  /** Each with the profile version its row had when read. */
  async peerProfiles(
    ids: readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<(PeerProfile & { profileVersion: number })[]> {
    if (!ids.length) return [];
    const [peers, links, declines] = await Promise.all([
      manager.getRepository(Peer).findBy({ id: In([...ids]), erasedAt: IsNull() }),
      this.links(manager, 'peer_tag', 'peer_id', ids),
      manager.query(
        `SELECT DISTINCT peer_id, support_worker_id FROM suggestion WHERE status = 'DECLINED' AND peer_id = ANY($1::uuid[])`,
        [ids],
      ) as Promise<{ peer_id: string; support_worker_id: string }[]>,
    ]);
    const tagsOf = tagIdsByOwner(links);
    // Grouped once: a fan-out reads a thousand peers at a time.
    const declinedBy = new Map<string, string[]>();
    for (const row of declines)
      declinedBy.set(row.peer_id, [...(declinedBy.get(row.peer_id) ?? []), row.support_worker_id]);
    return peers.map((peer) => ({
      ...sharedFields(peer, tagsOf(peer.id)),
      profileVersion: peer.profileVersion,
      maxDistanceKm: peer.maxDistanceKm,
      workerGenders: peer.preferences.workerGenders ?? [],
      importance: withNudges(peer),
      consent: { ...peer.consent },
      declinedWorkerIds: declinedBy.get(peer.id) ?? [],
    }));
  }

  async workerProfiles(
    ids: readonly string[] | 'all',
    manager: EntityManager = this.dataSource.manager,
  ): Promise<WorkerProfile[]> {
    const workers =
      ids === 'all'
        ? await manager.getRepository(SupportWorker).find()
        : await manager.getRepository(SupportWorker).findBy({ id: In([...ids]) });
    const workerIds = workers.map((worker) => worker.id);
    const [links, activeCounts] = await Promise.all([
      this.links(manager, 'support_worker_tag', 'support_worker_id', workerIds),
      activeMatchCounts(manager, workerIds),
    ]);
    const tagsOf = tagIdsByOwner(links);
    return workers.map((worker) => ({
      ...sharedFields(worker, tagsOf(worker.id)),
      serviceRadiusKm: worker.serviceRadiusKm,
      capacity: worker.capacity,
      activeMatchCount: activeCounts.get(worker.id) ?? 0,
      active: worker.active,
      acceptingNewPeers: worker.acceptingNewPeers,
    }));
  }

  private links(
    manager: EntityManager,
    table: 'peer_tag' | 'support_worker_tag',
    ownerColumn: string,
    ownerIds: readonly string[],
  ): Promise<TagLink[]> {
    if (!ownerIds.length) return Promise.resolve([]);
    return manager.query(
      `SELECT link.${ownerColumn} AS owner_id, link.tag_id, tag.kind
         FROM ${table} link JOIN tag ON tag.id = link.tag_id
        WHERE link.${ownerColumn} = ANY($1::uuid[])`,
      [ownerIds],
    );
  }
}
