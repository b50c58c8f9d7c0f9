import { messages } from '../messages';
import { FACTORS, type MatchFactor } from './options';
import { RadioGroup } from './RadioGroup';

/** Importance per factor, 0 (does not matter) to 3 (matters a lot); a factor left out keeps its default. */
export type Importance = Partial<Record<MatchFactor, number>>;

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
