import { readFragment, type FragmentOf } from '../api/graphql';
import { messages } from '../messages';
import { ScoreComponentFields } from './operations';

const percent = (value: number) => `${Math.round(value * 100)}%`;

/** How a score is made up, factor by factor, for staff: a real table with a caption. */
export function Breakdown({
  caption,
  components,
}: {
  caption: string;
  components: readonly FragmentOf<typeof ScoreComponentFields>[];
}) {
  const rows = components.map((component) => readFragment(ScoreComponentFields, component));
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <table className="data">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{messages.intake.factor}</th>
            <th scope="col">{messages.intake.weight}</th>
            <th scope="col">{messages.intake.value}</th>
            <th scope="col">{messages.intake.contribution}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.factor}>
              <th scope="row">{messages.staffFactors[row.factor]}</th>
              <td>{row.weight.toFixed(1)}</td>
              <td>{percent(row.value)}</td>
              <td>{row.contribution.toFixed(1)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
