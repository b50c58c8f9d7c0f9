import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { DomainError } from '../common/errors/domain-error';
import { TagKind } from './tag-kind';
import { Tag } from './tag.entity';

const KIND_WORDS: Record<TagKind, string> = {
  [TagKind.LIVED_EXPERIENCE]: 'lived experience',
  [TagKind.INTEREST]: 'interest',
  [TagKind.CULTURE]: 'cultural background',
};

export type TagSlugsByKind = Partial<Record<TagKind, readonly string[] | null | undefined>>;

@Injectable()
export class TaxonomyService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  list(kind?: TagKind): Promise<Tag[]> {
    return this.dataSource.getRepository(Tag).find({
      where: kind ? { kind } : {},
      order: { kind: 'ASC', slug: 'ASC' },
    });
  }

  /**
   * Turns the slugs of each kind given into tags. Kinds left undefined are left out of the
   * result, so an update can tell "unchanged" from "cleared". Every unknown slug is named.
   */
  async resolve(slugsByKind: TagSlugsByKind, manager: EntityManager = this.dataSource.manager) {
    const resolved = new Map<TagKind, Tag[]>();
    const unknown: string[] = [];
    for (const kind of Object.values(TagKind)) {
      const slugs = slugsByKind[kind];
      if (slugs === undefined) continue;
      const wanted = [...new Set(slugs ?? [])];
      const tags = wanted.length ? await manager.getRepository(Tag).findBy({ kind, slug: In(wanted) }) : [];
      const found = new Set(tags.map((tag) => tag.slug));
      unknown.push(...wanted.filter((slug) => !found.has(slug)).map((slug) => `${KIND_WORDS[kind]} "${slug}"`));
      resolved.set(kind, tags);
    }
    if (unknown.length) {
      throw new DomainError('UNKNOWN_TAG', `Unknown tag: ${unknown.join(', ')}`, { unknownTags: unknown });
    }
    return resolved;
  }
}
