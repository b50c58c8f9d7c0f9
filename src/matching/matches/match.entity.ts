import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AccessPolicy, REACHABLE } from '../../common/access/policy';
import { MATCH } from './match.policies';
import { MatchEndReason, MatchStatus } from '../core/matching.enums';
import { Peer } from '../../peers/peer.entity';
import { SupportWorker } from '../../support-workers/support-worker.entity';
import { Suggestion } from '../suggestions/suggestion.entity';

/** An accepted pairing of a peer and a support worker, until one of them ends it. */
@ObjectType({
  description:
    'An accepted pairing of a peer and a support worker, until it is ended. A peer has at most one ACTIVE match.',
})
@AccessPolicy(MATCH)
@Entity('match')
@Index('UQ_match_active_peer', ['peerId'], { unique: true, where: `status = 'ACTIVE'` })
@Index('UQ_match_suggestion', ['suggestionId'], { unique: true })
@Index('IDX_match_worker_status', ['supportWorkerId', 'status'])
export class Match {
  @Field(() => ID, { description: 'The match’s id, a UUID.' })
  @AccessPolicy(REACHABLE)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'peer_id', type: 'uuid' })
  peerId!: string;

  @Column({ name: 'support_worker_id', type: 'uuid' })
  supportWorkerId!: string;

  @Column({ name: 'suggestion_id', type: 'uuid' })
  suggestionId!: string;

  @Field(() => MatchStatus, { description: 'ACTIVE until ended.' })
  @Column({ type: 'enum', enum: MatchStatus, enumName: 'match_status', default: MatchStatus.ACTIVE })
  status!: MatchStatus;

  @Field({ description: 'When the suggestion was accepted.' })
  @CreateDateColumn({ name: 'started_at', type: 'timestamptz', precision: 3 })
  startedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When it ended; null while ACTIVE.' })
  @Column({ name: 'ended_at', type: 'timestamptz', precision: 3, nullable: true })
  endedAt!: Date | null;

  @Field(() => MatchEndReason, { nullable: true, description: 'Why it ended; null while ACTIVE.' })
  @Column({ name: 'end_reason', type: 'enum', enum: MatchEndReason, enumName: 'match_end_reason', nullable: true })
  endReason!: MatchEndReason | null;

  /** Free text: never logged. */
  @Column({ name: 'end_note', type: 'varchar', length: 1000, nullable: true })
  endNote!: string | null;

  @ManyToOne(() => Peer, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'peer_id', foreignKeyConstraintName: 'FK_match_peer' })
  peer?: Peer;

  @ManyToOne(() => SupportWorker, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'support_worker_id', foreignKeyConstraintName: 'FK_match_support_worker' })
  supportWorker?: SupportWorker;

  @ManyToOne(() => Suggestion, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'suggestion_id', foreignKeyConstraintName: 'FK_match_suggestion' })
  suggestion?: Suggestion;
}
