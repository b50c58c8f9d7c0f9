import { Type } from '@nestjs/common';
import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { AccessPolicy, REACHABLE } from '../access/policy';
import { DomainError } from '../errors/domain-error';

export const MAX_PAGE_SIZE = 100;

@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 20 })
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first = 20;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  after?: string | null;
}

@ObjectType()
@AccessPolicy(REACHABLE)
export class PageInfo {
  @Field() hasNextPage!: boolean;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** A Relay connection type named `<Name>Connection` with edges `<Name>Edge`. */
export function ConnectionOf<T>(nodeType: Type<T>, name: string) {
  @ObjectType(`${name}Edge`)
  @AccessPolicy(REACHABLE)
  class EdgeType {
    @Field() cursor!: string;
    @Field(() => nodeType) node!: T;
  }

  // Declared per field: a type's own policy is not inherited by the concrete connection class.
  @ObjectType(`${name}Connection`, { isAbstract: true })
  abstract class ConnectionType {
    @Field(() => [EdgeType]) @AccessPolicy(REACHABLE) edges!: Edge<T>[];
    @Field(() => PageInfo) @AccessPolicy(REACHABLE) pageInfo!: PageInfo;
    @Field(() => Int) @AccessPolicy(REACHABLE) totalCount!: number;
  }
  return ConnectionType;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Rows keyed for paging; createdAt is stored to the millisecond so that a cursor round-trips exactly. */
interface Keyed {
  id: string;
  createdAt: Date;
}

function encodeCursor(row: Keyed): string {
  return Buffer.from(JSON.stringify([row.createdAt.toISOString(), row.id])).toString('base64url');
}

function decodeCursor(cursor: string): { createdAt: string; id: string } {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (
      typeof createdAt === 'string' &&
      typeof id === 'string' &&
      UUID.test(id) &&
      !Number.isNaN(Date.parse(createdAt))
    ) {
      return { createdAt, id };
    }
  } catch {
    // fall through to the error below
  }
  throw new DomainError('INVALID_CURSOR', 'The cursor given as `after` is not one this list produced', {
    fields: ['after'],
  });
}

/** Keyset pagination in creation order, stable while rows are added. */
export async function paginate<T extends ObjectLiteral & Keyed>(
  query: SelectQueryBuilder<T>,
  { first, after }: PageArgs,
  /** The entity property holding the creation time, where it is not `createdAt`. */
  timeProperty = 'createdAt',
): Promise<Connection<T>> {
  const alias = query.alias;
  const time = `${alias}.${timeProperty}`;
  const page = query
    .clone()
    .orderBy(time, 'ASC')
    .addOrderBy(`${alias}.id`, 'ASC')
    .limit(first + 1);
  if (after) {
    const cursor = decodeCursor(after);
    page.andWhere(`(${time}, ${alias}.id) > (:cursorCreatedAt, :cursorId)`, {
      cursorCreatedAt: cursor.createdAt,
      cursorId: cursor.id,
    });
  }
  const [rows, totalCount] = await Promise.all([page.getMany(), query.getCount()]);
  const nodes = rows.slice(0, first);
  const edges = nodes.map((node) => ({ cursor: encodeCursor(node), node }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount,
  };
}
