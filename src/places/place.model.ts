import { Field, ObjectType } from '@nestjs/graphql';
import { AccessPolicy, REACHABLE } from '../common/access/policy';
import { Location } from '../profiles/location';
import type { PlaceEntry } from './place-index';

@ObjectType({ description: 'An Australian suburb or locality with its postcode, for entering where someone lives.' })
@AccessPolicy(REACHABLE)
export class Place implements PlaceEntry {
  @Field({ description: 'The suburb or locality, as Australia Post names it (mostly upper case).' })
  suburb!: string;

  @Field({ description: 'Its four-digit postcode.' })
  postcode!: string;

  @Field({ description: 'Its state or territory: ACT, NSW, NT, QLD, SA, TAS, VIC or WA.' })
  state!: string;

  @Field(() => Location, { description: 'About its middle: a location to give a peer or support worker.' })
  location!: Location;
}
