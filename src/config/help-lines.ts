import { z } from 'zod';

export interface HelpLine {
  /** Who answers, as a person in crisis would look for it: "Lifeline (24 hours)". */
  name: string;
  /** As it is dialled in the service's country, shown as written. */
  number: string;
}

/** Australia's crisis line and emergency number; a service elsewhere sets HELP_LINES. */
export const DEFAULT_HELP_LINES = 'Lifeline, 24 hours a day=13 11 14;Emergency (police, fire, ambulance)=000';

const LINE_FORMAT = 'must be "name=number" pairs separated by ";", such as "Lifeline=13 11 14;Emergency=000"';

/** "name=number;name=number", every pair complete, at least one, a number of digits, spaces and +. */
export const helpLinesSetting = z.string().transform((value, context): HelpLine[] => {
  const lines = value
    .split(';')
    .map((pair) => pair.trim())
    .filter(Boolean)
    .map((pair) => {
      const at = pair.lastIndexOf('=');
      return at < 0 ? { name: '', number: '' } : { name: pair.slice(0, at).trim(), number: pair.slice(at + 1).trim() };
    });
  const valid = lines.every((line) => line.name && /^\+?[0-9][0-9 ]{1,19}$/.test(line.number));
  if (!lines.length || !valid) {
    context.addIssue({ code: 'custom', message: LINE_FORMAT });
    return z.NEVER;
  }
  return lines;
});
