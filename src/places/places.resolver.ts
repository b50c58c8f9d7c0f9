import { Args, Query, Resolver } from '@nestjs/graphql';
import { AccessPolicy } from '../common/access/policy';
import { Place } from './place.model';
import { PlacesArgs } from './places.args';
import { LOOK_UP_PLACES } from './places.policies';
import { PlacesService } from './places.service';

@Resolver(() => Place)
export class PlacesResolver {
  constructor(private readonly placesService: PlacesService) {}

  @Query(() => [Place], {
    description:
      'Australian suburbs and postcodes matching the search, best first: the exact name, names starting with it, then names holding it. From data shipped with the service, never an online lookup.',
  })
  @AccessPolicy(LOOK_UP_PLACES)
  places(@Args() { search, first }: PlacesArgs): Promise<Place[]> {
    return this.placesService.search(search, first);
  }
}
