import { useId } from 'react';

export interface Option<Value extends string> {
  value: Value;
  label: string;
}

/** A set of choices in a fieldset with a legend, so each box is announced with its question. */
export function CheckboxGroup<Value extends string>({
  legend,
  hint,
  options,
  selected,
  onChange,
}: {
  legend: string;
  hint?: string;
  options: Option<Value>[];
  selected: Value[];
  onChange: (next: Value[]) => void;
}) {
  const hintId = useId();
  const toggle = (value: Value, on: boolean) =>
    onChange(on ? [...selected, value] : selected.filter((item) => item !== value));
  return (
    <fieldset className="choices" aria-describedby={hint ? hintId : undefined}>
      <legend>{legend}</legend>
      {hint && (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      )}
      {options.map((option) => (
        <label key={option.value} className="choice">
          <input
            type="checkbox"
            checked={selected.includes(option.value)}
            onChange={(event) => toggle(option.value, event.target.checked)}
          />
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}
