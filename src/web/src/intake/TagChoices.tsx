import type { ResultOf } from '../api/graphql';
import { CheckboxGroup } from '../forms/CheckboxGroup';
import { tagLabel } from '../messages';
import type { TagsQuery } from './operations';

export type Tags = ResultOf<typeof TagsQuery>['tags'];

/** Tags of one kind from the taxonomy, chosen by slug as the API takes them. */
export function TagChoices({
  legend,
  tags,
  kind,
  selected,
  onChange,
}: {
  legend: string;
  tags: Tags;
  kind: Tags[number]['kind'];
  selected: string[];
  onChange: (next: string[]) => void;
}) {
  const options = tags.filter((tag) => tag.kind === kind).map((tag) => ({ value: tag.slug, label: tagLabel(tag) }));
  return <CheckboxGroup legend={legend} options={options} selected={selected} onChange={onChange} />;
}
