import DataLoader from 'dataloader';
import { TagKind } from '../taxonomy/tag-kind';
import { Tag } from '../taxonomy/tag.entity';

export async function tagsOfKind(loader: DataLoader<string, Tag[]>, ownerId: string, kind: TagKind): Promise<Tag[]> {
  return (await loader.load(ownerId)).filter((tag) => tag.kind === kind);
}
