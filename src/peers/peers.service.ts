import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditAction, AuditSubject } from '../audit/audit.enums';
import { recordChange } from '../audit/change-record';
import type { Actor } from '../common/access/actor';
import { Connection } from '../common/pagination/connection';
import { ProfileListArgs } from '../profiles/dto/profile-list.args';
import { ProfileStore } from '../profiles/profile-store';
import { applyProfileFields } from '../profiles/profile-writer';
import { TaxonomyService } from '../taxonomy/taxonomy.service';
import { ConsentRecord } from './consent-record.entity';
import { CreatePeerInput } from './dto/create-peer.input';
import { UpdatePeerInput } from './dto/update-peer.input';
import { Peer } from './peer.entity';
import { PeerConsentWithdrawn, PeerProfileChanged } from './peer.events';

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

function sameConsent(a: Peer['consent'], b: Peer['consent']): boolean {
  return (
    a.useLivedExperienceForMatching === b.useLivedExperienceForMatching &&
    a.shareLivedExperienceWithWorkers === b.shareLivedExperienceWithWorkers
  );
}

/** Withdrawing use forgets more than withdrawing sharing, so it wins when both go at once. */
function withdrawnConsent(before: Peer['consent'], after: Peer['consent']): 'use' | 'sharing' | null {
  if (before.useLivedExperienceForMatching && !after.useLivedExperienceForMatching) return 'use';
  if (before.shareLivedExperienceWithWorkers && !after.shareLivedExperienceWithWorkers) return 'sharing';
  return null;
}

@Injectable()
export class PeersService {
  private readonly store: ProfileStore<Peer, UpdatePeerInput>;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    taxonomy: TaxonomyService,
    private readonly events: EventEmitter2,
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

  list(page: ProfileListArgs): Promise<Connection<Peer>> {
    return this.store.list(page);
  }

  create(input: CreatePeerInput, actor: Actor): Promise<Peer> {
    return this.store.create(input, async (manager, peer) => {
      await this.recordConsent(manager, peer, actor);
      await recordChange(manager, actor, this.change(AuditAction.CREATE, peer));
    });
  }

  /** Suggestions depend on the profile: an open request is recomputed once the change is committed. */
  async update(id: string, input: UpdatePeerInput, actor: Actor): Promise<Peer> {
    const peer = await this.store.update(id, input, async (manager, saved, before) => {
      if (before && !sameConsent(before.consent, saved.consent)) {
        await this.recordConsent(manager, saved, actor);
        const withdrawn = withdrawnConsent(before.consent, saved.consent);
        if (withdrawn) {
          await this.events.emitAsync(
            PeerConsentWithdrawn.NAME,
            new PeerConsentWithdrawn(manager, saved.id, withdrawn),
          );
        }
      }
      await recordChange(manager, actor, this.change(AuditAction.UPDATE, saved));
    });
    await this.events.emitAsync(PeerProfileChanged.NAME, new PeerProfileChanged(id));
    return peer;
  }

  private change(action: AuditAction, peer: Peer) {
    return { action, subjectType: AuditSubject.PEER, subjectId: peer.id, personId: peer.id };
  }

  private async recordConsent(manager: EntityManager, peer: Peer, actor: Actor): Promise<void> {
    await manager.insert(ConsentRecord, {
      peerId: peer.id,
      ...peer.consent,
      recordedBySubject: actor.principal.subject,
      recordedByRole: actor.principal.role,
      operation: actor.operation,
    });
  }
}
