import { DataSource, EntityManager, EntityTarget } from 'typeorm';
import { Tag } from '../taxonomy/tag.entity';
import { TaxonomyService } from '../taxonomy/taxonomy.service';
import { DomainError, DomainErrorReason } from '../common/errors/domain-error';
import { Connection, paginate } from '../common/pagination/connection';
import { ProfileFieldsInput } from './dto/profile-fields.input';
import { containsPattern, ProfileListArgs } from './dto/profile-list.args';
import { ProfileColumns } from './profile-columns';
import { rejectNulls, resolveProfileTags } from './profile-writer';
import { retryingTransaction } from '../common/database/retrying-transaction';

type Profile = ProfileColumns & { id: string; tags?: Tag[] };

export interface ProfileKind<T extends Profile, U extends Partial<ProfileFieldsInput>> {
  entity: EntityTarget<T> & (new () => T);
  alias: string;
  notFound: DomainErrorReason;
  noun: string;
  /** Fields an update may leave out but never set to null. */
  required: readonly (keyof U & string)[];
  /** The new row's values before the input is applied. */
  defaults: () => Partial<T>;
  /** Copies the fields the input names onto the row; undefined means unchanged. */
  apply: (row: T, input: U) => void;
  /** Rows that exist but are to be treated as gone (an erased peer). */
  hidden?: (row: T) => boolean;
  /** The same as SQL on the list's alias. */
  hiddenSql?: string;
}

/** Work done inside the transaction of a write, after the row is saved: its audit row, what follows from it. */
export type InTransaction<T> = (manager: EntityManager, saved: T, before: T | null) => Promise<void>;

/** Reads and writes of a profile with tags: peers and support workers alike. */
export class ProfileStore<T extends Profile, U extends Partial<ProfileFieldsInput>> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly taxonomy: TaxonomyService,
    private readonly kind: ProfileKind<T, U>,
  ) {}

  async findById(id: string): Promise<T | null> {
    const row = await this.dataSource.manager.findOne(this.kind.entity, { where: { id } as never });
    return row && !this.kind.hidden?.(row) ? row : null;
  }

  list(page: ProfileListArgs): Promise<Connection<T>> {
    const query = this.dataSource.manager.createQueryBuilder(this.kind.entity, this.kind.alias);
    if (this.kind.hiddenSql) query.where(`NOT (${this.kind.hiddenSql})`);
    if (page.nameContains) {
      query.andWhere(`${this.kind.alias}.displayName ILIKE :nameContains ESCAPE '\\'`, {
        nameContains: containsPattern(page.nameContains),
      });
    }
    return paginate(query, page);
  }

  create(input: U, inTransaction: InTransaction<T>): Promise<T> {
    return retryingTransaction(this.dataSource, async (manager) => {
      const row = Object.assign(new this.kind.entity(), this.kind.defaults());
      this.kind.apply(row, input);
      row.tags = await resolveProfileTags(this.taxonomy, manager, input, []);
      const saved = await manager.save(row);
      await inTransaction(manager, saved, null);
      return saved;
    });
  }

  update(id: string, input: U, inTransaction: InTransaction<T>): Promise<T> {
    rejectNulls(input, this.kind.required);
    return retryingTransaction(this.dataSource, async (manager) => {
      const row = await this.lock(manager, id);
      const before = Object.assign(new this.kind.entity(), structuredClone({ ...row }));
      this.kind.apply(row, input);
      const current = await manager.createQueryBuilder().relation(this.kind.entity, 'tags').of(id).loadMany<Tag>();
      row.tags = await resolveProfileTags(this.taxonomy, manager, input, current);
      row.profileVersion += 1;
      const saved = await manager.save(row);
      await inTransaction(manager, saved, before);
      return saved;
    });
  }

  /** Row lock: concurrent updates of one profile apply one after the other. */
  private async lock(manager: EntityManager, id: string): Promise<T> {
    const row = await manager.findOne(this.kind.entity, {
      where: { id } as never,
      lock: { mode: 'pessimistic_write' },
    });
    if (!row || this.kind.hidden?.(row))
      throw new DomainError(this.kind.notFound, `No ${this.kind.noun} with id ${id}`);
    return row;
  }
}
