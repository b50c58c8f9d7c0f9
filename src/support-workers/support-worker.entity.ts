import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, JoinTable, ManyToMany, PrimaryGeneratedColumn } from 'typeorm';
import { AccessPolicy, REACHABLE } from '../common/access/policy';
import { ProfileColumns } from '../profiles/profile-columns';
import { Tag } from '../taxonomy/tag.entity';
import { WORKER_PROFILE } from './support-worker.policies';

@ObjectType({ description: 'A peer support worker: someone with their own lived experience who supports others.' })
@AccessPolicy(WORKER_PROFILE)
@Entity('support_worker')
export class SupportWorker extends ProfileColumns {
  @Field(() => ID, { description: 'The support worker’s id, a UUID.' })
  @AccessPolicy(REACHABLE)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => Float, {
    nullable: true,
    description: 'How far the worker travels to meet in person, in kilometres (0..500); null: no limit.',
  })
  @Column({ name: 'service_radius_km', type: 'double precision', nullable: true })
  serviceRadiusKm!: number | null;

  @Field(() => Int, { description: 'Most active matches at once, 0..50; at it, the worker gets no new suggestions.' })
  @Column({ type: 'smallint' })
  capacity!: number;

  @Field({ description: 'False: never suggested; matches already made go on.' })
  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @Field({
    description:
      'False: the worker gets no new suggestions and their open ones are withdrawn; matches already made go on.',
  })
  @Column({ name: 'accepting_new_peers', type: 'boolean', default: true })
  acceptingNewPeers!: boolean;

  /** Lived experiences the worker discloses to peers, interests and cultural backgrounds. */
  @ManyToMany(() => Tag)
  @JoinTable({
    name: 'support_worker_tag',
    joinColumn: { name: 'support_worker_id', foreignKeyConstraintName: 'FK_support_worker_tag_worker' },
    inverseJoinColumn: { name: 'tag_id', foreignKeyConstraintName: 'FK_support_worker_tag_tag' },
  })
  tags?: Tag[];
}
