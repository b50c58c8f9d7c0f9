import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { AccessPolicy, REACHABLE } from '../../common/access/policy';
import { MatchFactor } from '../core/match-factor';
import type { ExplainedReason, ScoreComponent } from '../core';
import { DeclineReason, SuggestionStatus } from '../core/matching.enums';
import { Peer } from '../../peers/peer.entity';
import { SupportWorker } from '../../support-workers/support-worker.entity';
import { MatchRequest } from '../requests/match-request.entity';
import { SUGGESTION, SUGGESTION_RANK } from './suggestion.policies';

/** A scored, explained candidate offered to a peer, who accepts or declines it. */
@ObjectType({
  description:
    'A support worker offered to a peer, scored and explained, for the peer to accept or decline. Ranked 1..K within its request (K = 5 unless configured).',
})
@AccessPolicy(SUGGESTION)
@Entity('suggestion')
@Index('UQ_suggestion_request_worker_open', ['requestId', 'supportWorkerId'], {
  unique: true,
  where: `status = 'OPEN'`,
})
@Index('IDX_suggestion_peer_status', ['peerId', 'status'])
@Index('IDX_suggestion_worker_status', ['supportWorkerId', 'status'])
@Index('IDX_suggestion_open_worker', ['supportWorkerId'], { where: `status = 'OPEN'` })
export class Suggestion {
  @Field(() => ID, { description: 'The suggestion’s id, a UUID.' })
  @AccessPolicy(REACHABLE)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'request_id', type: 'uuid' })
  requestId!: string;

  @Column({ name: 'peer_id', type: 'uuid' })
  peerId!: string;

  @Column({ name: 'support_worker_id', type: 'uuid' })
  supportWorkerId!: string;

  @Field(() => Int, {
    description: '1 = best; for whoever may not see lived experience and culture, the rank by the redacted score.',
  })
  @AccessPolicy(SUGGESTION_RANK)
  @Column({ type: 'smallint' })
  rank!: number;

  /** 0..100 (GraphQL field in SuggestionResolver: redacted for whoever may not see lived experience). */
  @Column({ type: 'double precision' })
  score!: number;

  @Field(() => SuggestionStatus, { description: 'Where the suggestion stands; only OPEN can be accepted or declined.' })
  @Column({ type: 'enum', enum: SuggestionStatus, enumName: 'suggestion_status', default: SuggestionStatus.OPEN })
  status!: SuggestionStatus;

  /** Plain sentences saying what the pair shares (GraphQL field in SuggestionResolver: audited). */
  @Column({ type: 'jsonb' })
  reasons!: string[];

  /** What each of the reasons says, in their order (GraphQL field in SuggestionResolver: audited and redacted as they are). */
  @Column({ type: 'jsonb', default: () => `'[]'` })
  explained!: ExplainedReason[];

  @Column({ type: 'jsonb' })
  breakdown!: ScoreComponent[];

  /** The raw factor weights this peer's suggestion was scored with. */
  @Column({ type: 'jsonb' })
  weights!: Record<MatchFactor, number>;

  @Field(() => DeclineReason, { nullable: true, description: 'Why the peer declined it; null unless DECLINED.' })
  @Column({ name: 'decline_reason', type: 'enum', enum: DeclineReason, enumName: 'decline_reason', nullable: true })
  declineReason!: DeclineReason | null;

  /** Free text from the peer: never logged, shown only to those who may read the suggestion. */
  @Column({ name: 'decline_note', type: 'varchar', length: 1000, nullable: true })
  declineNote!: string | null;

  @Field({ description: 'When it was first offered.' })
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt!: Date;

  @ManyToOne(() => MatchRequest, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'request_id', foreignKeyConstraintName: 'FK_suggestion_request' })
  request?: MatchRequest;

  @ManyToOne(() => Peer, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'peer_id', foreignKeyConstraintName: 'FK_suggestion_peer' })
  peer?: Peer;

  @ManyToOne(() => SupportWorker, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'support_worker_id', foreignKeyConstraintName: 'FK_suggestion_support_worker' })
  supportWorker?: SupportWorker;
}
