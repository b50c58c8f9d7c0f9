import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, UpdateDateColumn } from 'typeorm';
import { Gender, SupportMode } from '../matching/core/profile.enums';
import { maskToSlots, WeeklySlot } from './weekly-slot';

/** The columns and fields a peer and a support worker share. */
@ObjectType({ isAbstract: true })
export abstract class ProfileColumns {
  @Field({ description: 'The name the person goes by, at most 100 characters.' })
  @Column({ name: 'display_name', type: 'varchar', length: 100 })
  displayName!: string;

  @Field(() => Gender, { nullable: true, description: 'Null when not given.' })
  @Column({ type: 'enum', enum: Gender, enumName: 'gender', nullable: true })
  gender!: Gender | null;

  @Field(() => Int, { nullable: true, description: 'Year of birth, 1900 to this year; null when not given.' })
  @Column({ name: 'birth_year', type: 'smallint', nullable: true })
  birthYear!: number | null;

  @Field(() => [String], { description: 'ISO 639-1 codes, the first preferred.' })
  @Column({ type: 'varchar', length: 2, array: true })
  languages!: string[];

  @Field(() => [SupportMode], { description: 'How the person will meet; at least one.' })
  @Column({ type: 'enum', enum: SupportMode, enumName: 'support_mode', array: true })
  modes!: SupportMode[];

  @Column({ type: 'double precision', nullable: true })
  latitude!: number | null;

  @Column({ type: 'double precision', nullable: true })
  longitude!: number | null;

  /** Weekly slots the person is available in, as bits; null when not given. */
  @Column({ name: 'availability', type: 'integer', nullable: true })
  availabilityMask!: number | null;

  @Field(() => [WeeklySlot], { description: 'When the person is usually available; empty when not given.' })
  get availability(): WeeklySlot[] {
    return maskToSlots(this.availabilityMask);
  }

  /** Bumped on every profile change, so that work computed from an older version can be told apart. */
  @Column({ name: 'profile_version', type: 'integer', default: 1 })
  profileVersion!: number;

  @Field({ description: 'When the record was created.' })
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @Field({ description: 'When the record last changed.' })
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}
