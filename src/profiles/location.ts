import { AccessPolicy, REACHABLE } from '../common/access/policy';
import { Field, Float, InputType, ObjectType } from '@nestjs/graphql';
import { IsLatitude, IsLongitude } from 'class-validator';

@ObjectType({ description: 'A point on Earth, in decimal degrees.' })
@AccessPolicy(REACHABLE)
export class Location {
  @Field(() => Float, { description: 'Degrees north of the equator, -90..90.' })
  latitude!: number;

  @Field(() => Float, { description: 'Degrees east of Greenwich, -180..180.' })
  longitude!: number;
}

@InputType({ description: 'A point on Earth, in decimal degrees.' })
export class LocationInput {
  @Field(() => Float, { description: 'Degrees north of the equator, -90..90.' })
  @IsLatitude()
  latitude!: number;

  @Field(() => Float, { description: 'Degrees east of Greenwich, -180..180.' })
  @IsLongitude()
  longitude!: number;
}

export function locationOf(row: { latitude: number | null; longitude: number | null }): Location | null {
  if (row.latitude === null || row.longitude === null) return null;
  return { latitude: row.latitude, longitude: row.longitude };
}
