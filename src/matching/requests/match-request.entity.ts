import { Field, ID, ObjectType } from '@nestjs/graphql';
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
import { MATCH_REQUEST } from './match-request.policies';
import { MatchRequestStatus } from '../core/matching.enums';
import { Peer } from '../../peers/peer.entity';

/** Intake asked for suggestions for a peer. The row is the source of truth; jobs only carry its peer's id. */
@ObjectType({
  description:
    'A request for suggestions for a peer. requestMatch answers at once with PENDING; the status becomes READY or NO_CANDIDATES once they are computed. A peer has at most one open request.',
})
@AccessPolicy(MATCH_REQUEST)
@Entity('match_request')
@Index('UQ_match_request_open_peer', ['peerId'], {
  unique: true,
  where: `status IN ('PENDING', 'READY', 'NO_CANDIDATES')`,
})
@Index('IDX_match_request_status_updated', ['status', 'updatedAt'])
export class MatchRequest {
  @Field(() => ID, { description: 'The request’s id, a UUID.' })
  @AccessPolicy(REACHABLE)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'peer_id', type: 'uuid' })
  peerId!: string;

  @Field(() => MatchRequestStatus, { description: 'Where the request stands.' })
  @Column({
    type: 'enum',
    enum: MatchRequestStatus,
    enumName: 'match_request_status',
    default: MatchRequestStatus.PENDING,
  })
  status!: MatchRequestStatus;

  /** The peer's profile version the current suggestions were computed from. */
  @Column({ name: 'computed_profile_version', type: 'integer', nullable: true })
  computedProfileVersion!: number | null;

  @Column({ name: 'ready_at', type: 'timestamptz', precision: 3, nullable: true })
  readyAt!: Date | null;

  @Field({ description: 'When suggestions were asked for.' })
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @Field({ description: 'When the request last changed (its status, or suggestions computed again).' })
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt!: Date;

  @ManyToOne(() => Peer, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'peer_id', foreignKeyConstraintName: 'FK_match_request_peer' })
  peer?: Peer;
}
