import { messages } from '../messages';
import { DAYS, PARTS_OF_DAY } from './options';

/** The week as a table of checkboxes, a row per day: each box is labelled with its day and time. */
export function AvailabilityGrid<Slot extends string>({
  legend,
  selected,
  onChange,
}: {
  legend: string;
  selected: Slot[];
  onChange: (next: Slot[]) => void;
}) {
  const toggle = (slot: Slot, on: boolean) =>
    onChange(on ? [...selected, slot] : selected.filter((item) => item !== slot));
  return (
    <fieldset className="availability">
      <legend>{legend}</legend>
      <table>
        <thead>
          <tr>
            <td />
            {PARTS_OF_DAY.map((part) => (
              <th key={part} scope="col">
                {messages.partsOfDay[part]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {DAYS.map((day) => (
            <tr key={day}>
              <th scope="row">{messages.days[day]}</th>
              {PARTS_OF_DAY.map((part) => {
                const slot = `${day}_${part}` as Slot;
                return (
                  <td key={part}>
                    <input
                      type="checkbox"
                      aria-label={messages.slot(messages.days[day], messages.partsOfDay[part])}
                      checked={selected.includes(slot)}
                      onChange={(event) => toggle(slot, event.target.checked)}
                    />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </fieldset>
  );
}
