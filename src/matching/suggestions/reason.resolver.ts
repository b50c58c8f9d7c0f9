import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphqlContext } from '../../common/graphql-context';
import { Tag } from '../../taxonomy/tag.entity';
import { ReasonModel } from './reason.model';

@Resolver(() => ReasonModel)
export class ReasonResolver {
  @ResolveField(() => [Tag], {
    description:
      'The tags it names: for a shared one, that tag; for a close or related one, the peer’s tag, then the support worker’s. Empty for a reason naming no tag.',
  })
  async tags(@Parent() reason: ReasonModel, @Context() context: GraphqlContext): Promise<Tag[]> {
    const tags = await context.loaders.tagById.loadMany(reason.tagIds);
    return tags.filter((tag): tag is Tag => tag instanceof Tag);
  }
}
