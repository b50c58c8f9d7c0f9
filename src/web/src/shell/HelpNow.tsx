import { messages } from '../messages';

interface HelpLine {
  name: string;
  number: string;
}

/** Configured on the server (HELP_LINES) and written into the page, so it shows before anything loads. */
function helpLines(): HelpLine[] {
  try {
    const lines = JSON.parse(document.getElementById('help-lines')?.textContent ?? '[]') as unknown;
    return Array.isArray(lines) ? (lines as HelpLine[]) : [];
  } catch {
    return [];
  }
}

const LINES = helpLines();

/** Where to get help now: on every page a peer may read, in reach without scrolling away from it. */
export function HelpNow() {
  return (
    <aside className="help-now" aria-labelledby="help-now-heading">
      <h2 id="help-now-heading">{messages.help.heading}</h2>
      <p>{messages.help.intro}</p>
      <ul>
        {LINES.map((line) => (
          <li key={line.number}>
            <a href={`tel:${line.number.replace(/\s/g, '')}`}>{messages.help.call(line.name, line.number)}</a>
          </li>
        ))}
      </ul>
    </aside>
  );
}
