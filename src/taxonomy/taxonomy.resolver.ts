import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { always } from '../common/access/grant';
import { AccessPolicy, definePolicy } from '../common/access/policy';
import { TagKind } from './tag-kind';
import type { GraphqlContext } from '../common/graphql-context';
import { Tag } from './tag.entity';
import { TaxonomyService } from './taxonomy.service';

/** The vocabulary profiles use is no one's personal information: any verified caller may read it. */
const READ_TAXONOMY = definePolicy('tags', {
  ADMIN: always,
  INTAKE: always,
  PEER: always,
  SUPPORT_WORKER: always,
  SERVICE: always,
});

@Resolver(() => Tag)
export class TaxonomyResolver {
  constructor(private readonly taxonomy: TaxonomyService) {}

  @Query(() => [Tag], { description: 'The tags profiles may use, optionally of one kind.' })
  @AccessPolicy(READ_TAXONOMY)
  tags(
    @Args('kind', { type: () => TagKind, nullable: true, description: 'Only tags of this kind; left out: all.' })
    kind?: TagKind,
  ): Promise<Tag[]> {
    return this.taxonomy.list(kind);
  }

  @ResolveField(() => Tag, {
    nullable: true,
    description: 'The broader tag it sits under (cooking for baking); null at the top.',
  })
  parent(@Parent() tag: Tag, @Context() context: GraphqlContext): Promise<Tag | null> | null {
    return tag.parentId ? context.loaders.tagById.load(tag.parentId) : null;
  }
}
