import { AccessPolicy, REACHABLE } from '../common/access/policy';
import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { TagKind } from './tag-kind';

/** A lived experience, interest or cultural background, in a shallow hierarchy (baking under cooking). */
@ObjectType({
  description: 'A lived experience, interest or cultural background, in a shallow hierarchy (baking under cooking).',
})
@AccessPolicy(REACHABLE)
@Entity('tag')
@Index('UQ_tag_kind_slug', ['kind', 'slug'], { unique: true })
export class Tag {
  @Field(() => ID, { description: 'The tag’s id, a UUID; profiles name tags by slug instead.' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => TagKind, { description: 'Which profile list it belongs in.' })
  @Column({ type: 'enum', enum: TagKind, enumName: 'tag_kind' })
  kind!: TagKind;

  @Field({
    description:
      'Lowercase words joined by hyphens, e.g. panic-attacks, at most 64 characters; unique within its kind, stable: what inputs name it by.',
  })
  @Column({ type: 'varchar', length: 64 })
  slug!: string;

  @Field({ description: 'How pages show it, e.g. Panic attacks; at most 100 characters.' })
  @Column({ type: 'varchar', length: 100 })
  label!: string;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId!: string | null;

  @ManyToOne(() => Tag, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id', foreignKeyConstraintName: 'FK_tag_parent' })
  parent?: Tag | null;
}
