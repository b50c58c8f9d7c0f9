import { useState, type FormEvent } from 'react';
import { useQuery } from '../api/use-query';
import { messages } from '../messages';
import { wordReasons } from '../reasons/word-reasons';
import { ErrorNotice } from '../shell/ErrorNotice';
import { Breakdown } from './Breakdown';
import { ExplainMatch, FindPeople } from './operations';

/** A constraint added to the API after this page was written still reads as something. */
function constraintWords(code: string): string {
  const words = (messages.constraints as Record<string, unknown>)[code];
  return typeof words === 'string' ? words : messages.constraints.other(code);
}

/** "Why not this worker?": the hard constraints that exclude them, in words, or how they score. */
export function WhyNot({ peerId }: { peerId: string }) {
  const [name, setName] = useState('');
  const [asked, setAsked] = useState<string>();
  const workers = useQuery(FindPeople, { name: name.trim() || null }, { skip: name.trim().length < 2 });
  const [chosen, setChosen] = useState('');
  const explanation = useQuery(ExplainMatch, { peerId, supportWorkerId: asked ?? '' }, { skip: !asked });
  const result = explanation.data?.explainMatch;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (chosen) setAsked(chosen);
  };
  const options = workers.data?.supportWorkers.edges.map(({ node }) => node) ?? [];
  return (
    <section aria-labelledby="why-not-heading">
      <h2 id="why-not-heading">{messages.intake.whyNotHeading}</h2>
      <form onSubmit={submit}>
        <label className="field">
          <span>{messages.intake.searchLabel}</span>
          <input type="search" value={name} onChange={(event) => setName(event.target.value)} />
        </label>
        <label className="field">
          <span>{messages.intake.whyNotLabel}</span>
          <select value={chosen} onChange={(event) => setChosen(event.target.value)}>
            <option value="" />
            {options.map((worker) => (
              <option key={worker.id} value={worker.id}>
                {worker.displayName}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={!chosen}>
          {messages.intake.whyNotAsk}
        </button>
      </form>
      <ErrorNotice error={explanation.error} />
      {result && (
        <div aria-live="polite">
          {result.eligible ? (
            <>
              <p>{messages.intake.eligible((result.score ?? 0).toFixed(0))}</p>
              <ul>
                {wordReasons(result.explained, 'staff').map((sentence) => (
                  <li key={sentence}>{sentence}</li>
                ))}
              </ul>
              <Breakdown caption={messages.intake.whyNotHeading} components={result.breakdown} />
            </>
          ) : (
            <>
              <p>{messages.intake.notEligible}</p>
              <ul>
                {result.excludedBy.map((constraint) => (
                  <li key={constraint}>{constraintWords(constraint)}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </section>
  );
}
