import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Peer } from './peer.entity';

/**
 * Each consent a peer gave or withdrew, with when and by whom it was recorded: the peer's copy
 * of their data (exportPeerData) shows it, and it shows on what basis their lived experience
 * was used. Append only, like the audit trail.
 */
@Entity('consent_record')
@Index('IDX_consent_record_peer', ['peerId', 'recordedAt'])
export class ConsentRecord {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'peer_id', type: 'uuid' })
  peerId!: string;

  @Column({ name: 'use_lived_experience_for_matching', type: 'boolean' })
  useLivedExperienceForMatching!: boolean;

  @Column({ name: 'share_lived_experience_with_workers', type: 'boolean' })
  shareLivedExperienceWithWorkers!: boolean;

  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz', precision: 3 })
  recordedAt!: Date;

  @Column({ name: 'recorded_by_subject', type: 'varchar', length: 200 })
  recordedBySubject!: string;

  @Column({ name: 'recorded_by_role', type: 'varchar', length: 20 })
  recordedByRole!: string;

  @Column({ type: 'varchar', length: 100 })
  operation!: string;

  @ManyToOne(() => Peer, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'peer_id', foreignKeyConstraintName: 'FK_consent_record_peer' })
  peer?: Peer;
}
