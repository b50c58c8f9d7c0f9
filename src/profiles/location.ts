import { AccessPolicy, REACHABLE } from '../common/access/policy';
import { Field, Float, InputType, ObjectType } from '@nestjs/graphql';
import { IsLatitude, IsLongitude } from 'class-validator';

@ObjectType()
@AccessPolicy(REACHABLE)
export class Location {
  @Field(() => Float) latitude!: number;
  @Field(() => Float) longitude!: number;
}

@InputType()
export class LocationInput {
  @Field(() => Float) @IsLatitude() latitude!: number;
  @Field(() => Float) @IsLongitude() longitude!: number;
}

export function locationOf(row: { latitude: number | null; longitude: number | null }): Location | null {
  if (row.latitude === null || row.longitude === null) return null;
  return { latitude: row.latitude, longitude: row.longitude };
}
