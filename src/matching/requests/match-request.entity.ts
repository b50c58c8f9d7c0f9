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
@ObjectType()
@AccessPolicy(MATCH_REQUEST)
@Entity('match_request')
@Index('UQ_match_request_open_peer', ['peerId'], {
  unique: true,
  where: `status IN ('PENDING', 'READY', 'NO_CANDIDATES')`,
})
@Index('IDX_match_request_status_updated', ['status', 'updatedAt'])
export class MatchRequest {
  @Field(() => ID)
  @AccessPolicy(REACHABLE)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'peer_id', type: 'uuid' })
  peerId!: string;

  @Field(() => MatchRequestStatus)
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

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @Field()
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt!: Date;

  @ManyToOne(() => Peer, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'peer_id', foreignKeyConstraintName: 'FK_match_request_peer' })
  peer?: Peer;
}
