import { Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, JoinTable, ManyToMany, PrimaryGeneratedColumn } from 'typeorm';
import { MatchFactor } from '../matching/core/match-factor';
import { ProfileColumns } from '../profiles/profile-columns';
import { Tag } from '../taxonomy/tag.entity';
import { Consent } from './consent';
import { AccessPolicy, REACHABLE } from '../common/access/policy';
import { PEER_PRIVATE, PEER_PROFILE } from './peer.policies';
import { MatchPreferences } from './match-preferences';

@ObjectType({ description: 'A person in mental-health recovery looking for peer support.' })
@AccessPolicy(PEER_PROFILE)
@Entity('peer')
export class Peer extends ProfileColumns {
  @Field(() => ID, { description: 'The peer’s id, a UUID.' })
  @AccessPolicy(REACHABLE)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => Float, {
    nullable: true,
    description: 'How far the peer will travel to meet in person, in kilometres (0..500); null: no limit.',
  })
  @AccessPolicy(PEER_PRIVATE)
  @Column({ name: 'max_distance_km', type: 'double precision', nullable: true })
  maxDistanceKm!: number | null;

  @Field(() => MatchPreferences, { description: 'What the peer asked for in a support worker.' })
  @AccessPolicy(PEER_PRIVATE)
  @Column({ type: 'jsonb', default: () => `'{}'` })
  preferences!: MatchPreferences;

  /** Importance nudges learned from the peer's declines, added to their own (see DeclineReason). */
  @Column({ name: 'decline_nudges', type: 'jsonb', default: () => `'{}'` })
  declineNudges!: Partial<Record<MatchFactor, number>>;

  @Field(() => Consent, { description: 'What the peer agreed to about their lived experience.' })
  @AccessPolicy(PEER_PRIVATE)
  @Column(() => Consent, { prefix: false })
  consent!: Consent;

  /** Set when the peer's personal data was erased; the anonymous row stays for reports. */
  @Column({ name: 'erased_at', type: 'timestamptz', precision: 3, nullable: true })
  erasedAt!: Date | null;

  /** Lived experiences, interests and cultural backgrounds together; fields split them by kind. */
  @ManyToMany(() => Tag)
  @JoinTable({
    name: 'peer_tag',
    joinColumn: { name: 'peer_id', foreignKeyConstraintName: 'FK_peer_tag_peer' },
    inverseJoinColumn: { name: 'tag_id', foreignKeyConstraintName: 'FK_peer_tag_tag' },
  })
  tags?: Tag[];
}
