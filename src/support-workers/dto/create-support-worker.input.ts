import { Field, Float, InputType, Int } from '@nestjs/graphql';
import { IsBoolean, IsInt, IsNumber, IsOptional, Max, Min } from 'class-validator';
import { ProfileFieldsInput } from '../../profiles/dto/profile-fields.input';

export const MAX_CAPACITY = 50;
export const MAX_SERVICE_RADIUS_KM = 500;

@InputType({ description: 'A new support worker’s profile.' })
export class CreateSupportWorkerInput extends ProfileFieldsInput {
  @Field(() => Float, {
    nullable: true,
    description: `How far the worker travels to meet in person, in kilometres, 0..${MAX_SERVICE_RADIUS_KM}; null: no limit.`,
  })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(MAX_SERVICE_RADIUS_KM)
  serviceRadiusKm?: number | null;

  @Field(() => Int, { description: `Most active matches at once, 0..${MAX_CAPACITY}; 0 takes no new peers.` })
  @IsInt()
  @Min(0)
  @Max(MAX_CAPACITY)
  capacity!: number;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'False: no new suggestions name the worker, and their open ones are withdrawn; matches go on. Left out: true.',
  })
  @IsOptional()
  @IsBoolean()
  acceptingNewPeers?: boolean | null;
}
