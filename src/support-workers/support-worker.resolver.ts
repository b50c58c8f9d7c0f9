import { Args, Context, ID, Info, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { AuditAction, AuditSubject } from '../audit/audit.enums';
import { Audited } from '../audit/audited.decorator';
import { CurrentPrincipal, RolesWithServiceScope } from '../common/auth/access.decorators';
import type { Principal } from '../common/auth/principal';
import { rootFieldOf, type GraphqlContext } from '../common/graphql-context';
import { Connection, ConnectionOf, PageArgs } from '../common/pagination/connection';
import { Location, locationOf } from '../common/profile/location';
import { tagsOfKind } from '../common/profile/tags-of-kind';
import { ParseIdPipe } from '../common/validation/parse-id.pipe';
import { TagKind } from '../taxonomy/tag-kind';
import { Tag } from '../taxonomy/tag.entity';
import { CreateSupportWorkerInput } from './dto/create-support-worker.input';
import { UpdateSupportWorkerInput } from './dto/update-support-worker.input';
import { assertMayReadWorkerField } from './support-worker-field-access';
import { SupportWorker } from './support-worker.entity';
import { SupportWorkersService } from './support-workers.service';

@ObjectType()
export class SupportWorkerConnection extends ConnectionOf(SupportWorker, 'SupportWorker') {}

@Resolver(() => SupportWorker)
export class SupportWorkerResolver {
  constructor(private readonly supportWorkersService: SupportWorkersService) {}

  @Query(() => SupportWorker, {
    nullable: true,
    description: 'Null when there is no such support worker, or it is not yours to see.',
  })
  @RolesWithServiceScope('profiles:read', 'ADMIN', 'INTAKE', 'SUPPORT_WORKER')
  async supportWorker(
    @Args('id', { type: () => ID }, ParseIdPipe) id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SupportWorker | null> {
    if (principal.role === 'SUPPORT_WORKER' && principal.supportWorkerId !== id) return null;
    return this.supportWorkersService.findById(id);
  }

  @Query(() => SupportWorkerConnection)
  @RolesWithServiceScope('profiles:read', 'ADMIN', 'INTAKE')
  supportWorkers(@Args() page: PageArgs): Promise<Connection<SupportWorker>> {
    return this.supportWorkersService.list(page);
  }

  @Mutation(() => SupportWorker)
  @RolesWithServiceScope('profiles:write', 'ADMIN', 'INTAKE')
  @Audited(AuditAction.CREATE, AuditSubject.SUPPORT_WORKER, (worker: SupportWorker) => ({
    subjectId: worker.id,
    personId: worker.id,
  }))
  createSupportWorker(@Args('input') input: CreateSupportWorkerInput): Promise<SupportWorker> {
    return this.supportWorkersService.create(input);
  }

  @Mutation(() => SupportWorker)
  @RolesWithServiceScope('profiles:write', 'ADMIN', 'INTAKE')
  @Audited(AuditAction.UPDATE, AuditSubject.SUPPORT_WORKER, (worker: SupportWorker) => ({
    subjectId: worker.id,
    personId: worker.id,
  }))
  updateSupportWorker(
    @Args('id', { type: () => ID }, ParseIdPipe) id: string,
    @Args('input') input: UpdateSupportWorkerInput,
  ): Promise<SupportWorker> {
    return this.supportWorkersService.update(id, input);
  }

  @ResolveField(() => Location, {
    nullable: true,
    description: 'Where the worker is based: for the worker, staff and services with profiles:read, never for peers.',
  })
  location(@Parent() worker: SupportWorker, @Context() context: GraphqlContext): Location | null {
    assertMayReadWorkerField(context.req.principal, worker.id, 'profiles:read');
    return locationOf(worker);
  }

  @ResolveField(() => [Tag], {
    description: 'The lived experiences this worker discloses to peers; reads are audited.',
  })
  livedExperiences(
    @Parent() worker: SupportWorker,
    @Context() context: GraphqlContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Tag[]> {
    context.audit.recordHealthRead(
      {
        subjectType: AuditSubject.SUPPORT_WORKER,
        subjectId: worker.id,
        personId: worker.id,
        owner: { supportWorkerId: worker.id },
      },
      rootFieldOf(info),
    );
    return tagsOfKind(context.loaders.tagsOfSupportWorker, worker.id, TagKind.LIVED_EXPERIENCE);
  }

  @ResolveField(() => [Tag])
  interests(@Parent() worker: SupportWorker, @Context() context: GraphqlContext): Promise<Tag[]> {
    return tagsOfKind(context.loaders.tagsOfSupportWorker, worker.id, TagKind.INTEREST);
  }

  @ResolveField(() => [Tag])
  culturalBackgrounds(@Parent() worker: SupportWorker, @Context() context: GraphqlContext): Promise<Tag[]> {
    return tagsOfKind(context.loaders.tagsOfSupportWorker, worker.id, TagKind.CULTURE);
  }
}
