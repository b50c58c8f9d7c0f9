import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { SupportWorker } from '../../support-workers/support-worker.entity';

/** A support worker whose change is still to be turned into recomputes of the peers it affects. */
@Entity('fan_out_due')
export class FanOutDue {
  @PrimaryColumn({ name: 'support_worker_id', type: 'uuid', primaryKeyConstraintName: 'PK_fan_out_due' })
  supportWorkerId!: string;

  @Column({ name: 'due_since', type: 'timestamptz', precision: 3, default: () => 'clock_timestamp()' })
  dueSince!: Date;

  /** Changes with each change of the worker, so a fan-out that read an older one leaves it due. */
  @Column({ type: 'bigint', default: () => `nextval('due_generation')` })
  generation!: string;

  @ManyToOne(() => SupportWorker, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'support_worker_id', foreignKeyConstraintName: 'FK_fan_out_due_support_worker' })
  supportWorker?: SupportWorker;
}
