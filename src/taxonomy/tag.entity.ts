import { AccessPolicy, REACHABLE } from '../common/access/policy';
import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { TagKind } from './tag-kind';

/** A lived experience, interest or cultural background, in a shallow hierarchy (baking under cooking). */
@ObjectType()
@AccessPolicy(REACHABLE)
@Entity('tag')
@Index('UQ_tag_kind_slug', ['kind', 'slug'], { unique: true })
export class Tag {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => TagKind)
  @Column({ type: 'enum', enum: TagKind, enumName: 'tag_kind' })
  kind!: TagKind;

  @Field()
  @Column({ type: 'varchar', length: 64 })
  slug!: string;

  @Field()
  @Column({ type: 'varchar', length: 100 })
  label!: string;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId!: string | null;

  @ManyToOne(() => Tag, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id', foreignKeyConstraintName: 'FK_tag_parent' })
  parent?: Tag | null;
}
