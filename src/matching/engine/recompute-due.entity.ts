import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Peer } from '../../peers/peer.entity';

/**
 * A peer whose suggestions are owed a computation (see recompute-due.ts). Not personal data:
 * an id and times, gone once computed.
 */
@Entity('recompute_due')
@Index('IDX_recompute_due_order', ['urgency', 'dueSince'])
@Index('IDX_recompute_due_claim', ['claim'])
export class RecomputeDue {
  @PrimaryColumn({ name: 'peer_id', type: 'uuid', primaryKeyConstraintName: 'PK_recompute_due' })
  peerId!: string;

  /** 0: someone is waiting for it; 1: a background refresh. */
  @Column({ type: 'smallint' })
  urgency!: number;

  /** When it first became due: longest-due first, within an urgency. */
  @Column({ name: 'due_since', type: 'timestamptz', precision: 3, default: () => 'clock_timestamp()' })
  dueSince!: Date;

  /** Changes each time it is asked for again, so a batch that computed an older ask leaves it due. */
  @Column({ type: 'bigint', default: () => `nextval('due_generation')` })
  generation!: string;

  /** The batch computing it, until claimedUntil; past that, another may take it. */
  @Column({ type: 'uuid', nullable: true })
  claim!: string | null;

  @Column({ name: 'claimed_until', type: 'timestamptz', precision: 3, nullable: true })
  claimedUntil!: Date | null;

  @ManyToOne(() => Peer, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'peer_id', foreignKeyConstraintName: 'FK_recompute_due_peer' })
  peer?: Peer;
}
