import { Args, Context, ID, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentActor, type Actor } from '../common/access/actor';
import { AccessPolicy } from '../common/access/policy';
import { type GraphqlContext } from '../common/graphql-context';
import { Connection, ConnectionOf } from '../common/pagination/connection';
import { ProfileListArgs } from '../profiles/dto/profile-list.args';
import { Location, locationOf } from '../profiles/location';
import { tagsOfKind } from '../profiles/tags-of-kind';
import { ParseIdPipe } from '../common/validation/parse-id.pipe';
import { TagKind } from '../taxonomy/tag-kind';
import { Tag } from '../taxonomy/tag.entity';
import { CreateSupportWorkerInput } from './dto/create-support-worker.input';
import { UpdateSupportWorkerInput } from './dto/update-support-worker.input';
import {
  LIST_WORKERS,
  READ_WORKER,
  UPDATE_WORKER,
  WORKER_PRIVATE,
  WORKER_SENSITIVE,
  WRITE_WORKER,
} from './support-worker.policies';
import { SupportWorker } from './support-worker.entity';
import { SupportWorkersService } from './support-workers.service';

@ObjectType({ description: 'A page of support workers, in the order they were registered.' })
export class SupportWorkerConnection extends ConnectionOf(SupportWorker, 'SupportWorker') {}

@Resolver(() => SupportWorker)
export class SupportWorkerResolver {
  constructor(private readonly supportWorkersService: SupportWorkersService) {}

  @Query(() => SupportWorker, {
    nullable: true,
    description: 'Null when there is no such support worker, or it is not yours to see.',
  })
  @AccessPolicy(READ_WORKER)
  supportWorker(
    @Args('id', { type: () => ID, description: 'The support worker’s id, a UUID.' }, ParseIdPipe) id: string,
  ): Promise<SupportWorker | null> {
    return this.supportWorkersService.findById(id);
  }

  @Query(() => SupportWorkerConnection, {
    description: 'Every support worker, or those whose name holds nameContains, a page at a time, oldest first.',
  })
  @AccessPolicy(LIST_WORKERS)
  supportWorkers(@Args() page: ProfileListArgs): Promise<Connection<SupportWorker>> {
    return this.supportWorkersService.list(page);
  }

  @Mutation(() => SupportWorker, {
    description:
      'Registers a support worker, active. Peers waiting with fewer than a full list are computed again where the worker suits them, so they may be suggested at once. Unknown tag slugs: BAD_USER_INPUT naming them.',
  })
  @AccessPolicy(WRITE_WORKER)
  createSupportWorker(
    @Args('input', { description: 'Their profile.' }) input: CreateSupportWorkerInput,
    @CurrentActor() actor: Actor,
  ): Promise<SupportWorker> {
    return this.supportWorkersService.create(input, actor);
  }

  @Mutation(() => SupportWorker, {
    description:
      'Changes a support worker’s profile, capacity, activity or whether they take new peers; the peers they are suggested to, and waiting peers short of a full list whom they now suit, are computed again. A worker who stops taking new peers leaves the open suggestions naming them. A support worker may change some fields of their own record. No such worker: NOT_FOUND.',
  })
  @AccessPolicy(UPDATE_WORKER)
  updateSupportWorker(
    @Args('id', { type: () => ID, description: 'The support worker’s id, a UUID.' }, ParseIdPipe) id: string,
    @Args('input', { description: 'What changes; what is left out stays.' }) input: UpdateSupportWorkerInput,
    @CurrentActor() actor: Actor,
  ): Promise<SupportWorker> {
    return this.supportWorkersService.update(id, input, actor);
  }

  @ResolveField(() => Location, {
    nullable: true,
    description: 'Where the worker is based; null when not given.',
  })
  @AccessPolicy(WORKER_PRIVATE)
  location(@Parent() worker: SupportWorker): Location | null {
    return locationOf(worker);
  }

  @ResolveField(() => [Tag], {
    description: 'The lived experiences this worker discloses to peers.',
  })
  @AccessPolicy(WORKER_SENSITIVE)
  livedExperiences(@Parent() worker: SupportWorker, @Context() context: GraphqlContext): Promise<Tag[]> {
    return tagsOfKind(context.loaders.tagsOfSupportWorker, worker.id, TagKind.LIVED_EXPERIENCE);
  }

  @ResolveField(() => [Tag], { description: 'What the worker enjoys doing.' })
  interests(@Parent() worker: SupportWorker, @Context() context: GraphqlContext): Promise<Tag[]> {
    return tagsOfKind(context.loaders.tagsOfSupportWorker, worker.id, TagKind.INTEREST);
  }

  @ResolveField(() => [Tag], { description: 'The cultural backgrounds this worker discloses to peers.' })
  @AccessPolicy(WORKER_SENSITIVE)
  culturalBackgrounds(@Parent() worker: SupportWorker, @Context() context: GraphqlContext): Promise<Tag[]> {
    return tagsOfKind(context.loaders.tagsOfSupportWorker, worker.id, TagKind.CULTURE);
  }
}
