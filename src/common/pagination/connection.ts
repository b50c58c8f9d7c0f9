import { Type } from '@nestjs/common';
import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { AccessPolicy, REACHABLE } from '../access/policy';
import { DomainError } from '../errors/domain-error';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    nullable: true,
    defaultValue: DEFAULT_PAGE_SIZE,
    description: `How many rows the page holds at most, 1..${MAX_PAGE_SIZE}; left out or null: ${DEFAULT_PAGE_SIZE}.`,
  })
  // A null `first` is one not given, as in the Relay spec: a client forwarding an unset variable gets the default page.
  @Transform(({ value }: { value: unknown }) => value ?? DEFAULT_PAGE_SIZE)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first: number = DEFAULT_PAGE_SIZE;

  @Field(() => String, {
    nullable: true,
    description: 'The `endCursor` of the previous page (at most 200 characters); left out: the first page.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  after?: string | null;
}

@ObjectType({ description: 'Where a page sits in its list (Relay cursor connections).' })
@AccessPolicy(REACHABLE)
export class PageInfo {
  @Field({ description: 'More rows follow this page: ask again with `after: endCursor`.' })
  hasNextPage!: boolean;

  @Field({
    description:
      'Rows come before this page: true when `after` was given and the list holds a row at or before that cursor; false on the first page.',
  })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'The cursor of the first edge; null when the page is empty.' })
  startCursor!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The cursor of the last edge, to pass as `after` for the next page; null when the page is empty.',
  })
  endCursor!: string | null;
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
  @ObjectType(`${name}Edge`, { description: `One ${name} of a page, with the cursor that marks its place.` })
  @AccessPolicy(REACHABLE)
  class EdgeType {
    @Field({ description: `Marks this ${name}’s place in the list: pass it as \`after\` to continue after it.` })
    cursor!: string;

    @Field(() => nodeType, { description: `The ${name} at this place in the list.` })
    node!: T;
  }

  // Declared per field: a type's own policy is not inherited by the concrete connection class.
  @ObjectType(`${name}Connection`, { isAbstract: true })
  abstract class ConnectionType {
    @Field(() => [EdgeType], { description: 'This page, oldest first (creation order); at most `first` edges.' })
    @AccessPolicy(REACHABLE)
    edges!: Edge<T>[];

    @Field(() => PageInfo, { description: 'Whether rows come before or after this page, and its cursors.' })
    @AccessPolicy(REACHABLE)
    pageInfo!: PageInfo;

    @Field(() => Int, { description: `How many rows the whole list holds, on every page.` })
    @AccessPolicy(REACHABLE)
    totalCount!: number;
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
  const cursor = after ? decodeCursor(after) : undefined;
  if (cursor) {
    page.andWhere(`(${time}, ${alias}.id) > (:cursorCreatedAt, :cursorId)`, {
      cursorCreatedAt: cursor.createdAt,
      cursorId: cursor.id,
    });
  }
  // Forward paging only: rows before the page exist when the list holds one at or before `after`.
  const before = cursor
    ? query
        .clone()
        .andWhere(`(${time}, ${alias}.id) <= (:cursorCreatedAt, :cursorId)`, {
          cursorCreatedAt: cursor.createdAt,
          cursorId: cursor.id,
        })
        .getExists()
    : false;
  const [rows, totalCount, hasPreviousPage] = await Promise.all([page.getMany(), query.getCount(), before]);
  const nodes = rows.slice(0, first);
  const edges = nodes.map((node) => ({ cursor: encodeCursor(node), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage,
      startCursor: edges.at(0)?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount,
  };
}
