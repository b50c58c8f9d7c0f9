import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Roles } from '../common/auth/access.decorators';
import { TagKind } from '../common/graphql-enums';
import type { GraphqlContext } from '../common/graphql-context';
import { Tag } from './tag.entity';
import { TaxonomyService } from './taxonomy.service';

@Resolver(() => Tag)
export class TaxonomyResolver {
  constructor(private readonly taxonomy: TaxonomyService) {}

  @Query(() => [Tag], { description: 'The tags profiles may use, optionally of one kind.' })
  @Roles('ADMIN', 'INTAKE', 'PEER', 'SUPPORT_WORKER', 'SERVICE')
  tags(@Args('kind', { type: () => TagKind, nullable: true }) kind?: TagKind): Promise<Tag[]> {
    return this.taxonomy.list(kind);
  }

  @ResolveField(() => Tag, { nullable: true })
  parent(@Parent() tag: Tag, @Context() context: GraphqlContext): Promise<Tag | null> | null {
    return tag.parentId ? context.loaders.tagById.load(tag.parentId) : null;
  }
}
