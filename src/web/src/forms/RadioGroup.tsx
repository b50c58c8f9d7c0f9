import { useId } from 'react';
import type { Option } from './CheckboxGroup';

export function RadioGroup<Value extends string>({
  legend,
  options,
  selected,
  onChange,
  inline = false,
}: {
  legend: string;
  options: Option<Value>[];
  selected?: Value;
  onChange: (next: Value) => void;
  inline?: boolean;
}) {
  const name = useId();
  return (
    <fieldset className={inline ? 'choices choices-inline' : 'choices'}>
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option.value} className="choice">
          <input
            type="radio"
            name={name}
            value={option.value}
            checked={selected === option.value}
            onChange={() => onChange(option.value)}
          />
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}
