import { messages } from '../messages';
import { FACTORS, type MatchFactor } from './options';
import { RadioGroup } from './RadioGroup';

/** Importance per factor, 0 (does not matter) to 3 (matters a lot); a factor left out keeps its default. */
export type Importance = Partial<Record<MatchFactor, number>>;

/** As the API gives it (a list of factors and levels), keyed by factor for the form. */
export function importanceOf(
  list: readonly { factor: MatchFactor; importance: number }[] | null | undefined,
): Importance {
  return Object.fromEntries((list ?? []).map((item) => [item.factor, item.importance]));
}

/** As the API takes it: only the factors the person set. */
export function importanceInput(importance: Importance): { factor: MatchFactor; importance: number }[] {
  return (Object.entries(importance) as [MatchFactor, number][]).map(([factor, level]) => ({
    factor,
    importance: level,
  }));
}

const LEVELS = messages.importance.map((label, level) => ({ value: String(level), label }));
const DEFAULT_LEVEL = '2';

export function ImportanceFields({
  labels,
  value,
  onChange,
}: {
  labels: Record<MatchFactor, string>;
  value: Importance;
  onChange: (next: Importance) => void;
}) {
  return (
    <div className="importance">
      {FACTORS.map((factor) => (
        <RadioGroup
          key={factor}
          inline
          legend={labels[factor]}
          options={LEVELS}
          selected={value[factor] === undefined ? DEFAULT_LEVEL : String(value[factor])}
          onChange={(level) => onChange({ ...value, [factor]: Number(level) })}
        />
      ))}
    </div>
  );
}
