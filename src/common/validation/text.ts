/**
 * What text a caller may send. Every string in an input is checked here, whatever field it is
 * for, so that no field can be added that lets these characters through: PostgreSQL refuses NUL
 * outright, a lone surrogate is stored as U+FFFD, and the rest hide or reorder what a person
 * reading a name or note sees.
 */

export interface TextPolicy {
  /** Free text such as a note may hold tabs and line breaks; every other string is one line. */
  multiline: boolean;
}

export type TextProblem = 'lone-surrogate' | 'control' | 'bidi-control' | 'invisible';

export type TextCheck = { ok: true; value: string } | { ok: false; problems: TextProblem[] };

// \p{Cc} is exactly C0 (U+0000–U+001F), DEL and C1 (U+0080–U+009F). U+2028 and U+2029 are not
// controls but end a line wherever JavaScript, JSON readers or log viewers meet them.
const SINGLE_LINE_REFUSED = /[\p{Cc}\u2028\u2029]/u;
const MULTILINE_REFUSED = /(?![\t\n\r])\p{Cc}/u;
// Embeddings, overrides (U+202A–U+202E) and isolates (U+2066–U+2069) reorder what follows them,
// so a name could be shown as another. The marks U+200E, U+200F and U+061C reorder nothing
// and are left to the scripts that need them.
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/u;
// U+200B and U+FEFF make two equal-looking names differ. U+200C (ZWNJ) and U+200D (ZWJ) are not
// here: Persian, Hindi, Punjabi and other scripts need them to spell names.
const INVISIBLE = /[\u200B\uFEFF]/u;

/** Checks a string as sent and, when it may be kept, returns it normalised to NFC. */
export function checkText(value: string, policy: TextPolicy): TextCheck {
  const problems: TextProblem[] = [];
  if (!value.isWellFormed()) problems.push('lone-surrogate');
  if ((policy.multiline ? MULTILINE_REFUSED : SINGLE_LINE_REFUSED).test(value)) problems.push('control');
  if (BIDI_CONTROL.test(value)) problems.push('bidi-control');
  if (INVISIBLE.test(value)) problems.push('invisible');
  // NFC never brings in a character refused above, so the value as sent is what is checked.
  return problems.length ? { ok: false, problems } : { ok: true, value: value.normalize('NFC') };
}

/** Says what is wrong without quoting the value, which may be a person's name or words. */
export function describeTextProblem(field: string, problem: TextProblem, policy: TextPolicy): string {
  switch (problem) {
    case 'lone-surrogate':
      return `${field} must be well-formed Unicode: it holds a lone surrogate (U+D800–U+DFFF)`;
    case 'control':
      return policy.multiline
        ? `${field} must not hold control characters other than tab and line breaks`
        : `${field} must be a single line without control characters`;
    case 'bidi-control':
      return `${field} must not hold bidirectional embedding, override or isolate characters (U+202A–U+202E, U+2066–U+2069)`;
    case 'invisible':
      return `${field} must not hold a zero-width space (U+200B) or byte order mark (U+FEFF)`;
    default: {
      const unhandled: never = problem;
      throw new Error(`No description for ${String(unhandled)}`);
    }
  }
}

const EDGE_SPACES = /^\p{Zs}+|\p{Zs}+$/gu;

/**
 * Drops the spaces around a name. Only space separators go: a tab, line break or byte order mark
 * at either end is left for checkText to refuse, as it would be anywhere else in the name.
 */
export function trimSpaces(value: string): string {
  return value.replace(EDGE_SPACES, '');
}

const NOTHING_VISIBLE = /^[\p{White_Space}\p{Default_Ignorable_Code_Point}]*$/u;

/** True when the text would show as nothing: spaces alone, or joiners and other default-ignorables. */
export function isBlank(value: string): boolean {
  return NOTHING_VISIBLE.test(value);
}
