import fc from 'fast-check';
import { checkText, describeTextProblem, isBlank, TextPolicy, TextProblem, trimSpaces } from './text';

const ONE_LINE: TextPolicy = { multiline: false };
const MULTILINE: TextPolicy = { multiline: true };

const problemsOf = (value: string, policy: TextPolicy) => {
  const checked = checkText(value, policy);
  return checked.ok ? [] : checked.problems;
};

describe('checkText', () => {
  it.each<[string, string, TextProblem]>([
    ['NUL', '\u0000', 'control'],
    ['the last C0 control', '\u001f', 'control'],
    ['DEL', '\u007f', 'control'],
    ['the first C1 control', '\u0080', 'control'],
    ['the last C1 control', '\u009f', 'control'],
    ['U+202A', '\u202a', 'bidi-control'],
    ['U+202B', '\u202b', 'bidi-control'],
    ['U+202C', '\u202c', 'bidi-control'],
    ['U+202D', '\u202d', 'bidi-control'],
    ['U+202E', '\u202e', 'bidi-control'],
    ['U+2066', '\u2066', 'bidi-control'],
    ['U+2067', '\u2067', 'bidi-control'],
    ['U+2068', '\u2068', 'bidi-control'],
    ['U+2069', '\u2069', 'bidi-control'],
    ['a zero-width space', '\u200b', 'invisible'],
    ['a byte order mark', '\ufeff', 'invisible'],
    ['a lone high surrogate', '\ud800', 'lone-surrogate'],
    ['a lone low surrogate', '\udfff', 'lone-surrogate'],
    ['a pair the wrong way round', '\udc00\ud800', 'lone-surrogate'],
  ])('refuses %s in any text', (_name, character, problem) => {
    for (const policy of [ONE_LINE, MULTILINE]) {
      expect(problemsOf(`a${character}b`, policy)).toEqual([problem]);
      expect(problemsOf(character, policy)).toEqual([problem]);
    }
  });

  it.each([
    ['a tab', '\t'],
    ['a line feed', '\n'],
    ['a carriage return', '\r'],
    ['a line separator', '\u2028'],
    ['a paragraph separator', '\u2029'],
  ])('refuses %s on one line and keeps it in multi-line text', (_name, character) => {
    expect(problemsOf(`a${character}b`, ONE_LINE)).toEqual(['control']);
    expect(checkText(`a${character}b`, MULTILINE)).toEqual({ ok: true, value: `a${character}b` });
  });

  it('keeps the characters around the refused ranges', () => {
    const kept = ' ~\u00a0\u200a\u200c\u200d\u200e\u200f\u2029\u202f\u2065\u206a\u061c\ufefe\u{1f33b}';
    expect(checkText(kept.replace('\u2029', ''), ONE_LINE)).toEqual({ ok: true, value: kept.replace('\u2029', '') });
    expect(checkText(kept, MULTILINE)).toEqual({ ok: true, value: kept });
  });

  it('keeps ZWJ and ZWNJ, which Hindi, Punjabi and Persian names need', () => {
    for (const name of [
      '\u0915\u094d\u200d\u0937',
      '\u0915\u094d\u200c\u0937',
      '\u0646\u06cc\u06a9\u200c\u0646\u0627\u0645',
    ]) {
      expect(checkText(name, ONE_LINE)).toEqual({ ok: true, value: name });
    }
  });

  it('normalises to NFC', () => {
    expect(checkText('Rene\u0301e', ONE_LINE)).toEqual({ ok: true, value: 'Ren\u00e9e' });
    expect(checkText('\u212b', ONE_LINE)).toEqual({ ok: true, value: '\u00c5' });
    // Composition exclusions come out longer: why lengths are measured after this.
    expect(checkText('\u0958', ONE_LINE)).toEqual({ ok: true, value: '\u0915\u093c' });
  });

  it('reports every kind of problem a string holds', () => {
    expect(problemsOf('\u0000\u202e\u200b\ud800', ONE_LINE)).toEqual([
      'lone-surrogate',
      'control',
      'bidi-control',
      'invisible',
    ]);
  });

  /** Reads the string one code unit at a time, independently of the regular expressions checked. */
  function expectedProblems(value: string, policy: TextPolicy): TextProblem[] {
    const found = new Set<TextProblem>();
    for (let i = 0; i < value.length; i++) {
      const unit = value.charCodeAt(i);
      if (unit >= 0xd800 && unit <= 0xdbff) {
        const next = value.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) i++;
        else found.add('lone-surrogate');
      } else if (unit >= 0xdc00 && unit <= 0xdfff) found.add('lone-surrogate');
      else if (unit <= 0x1f || (unit >= 0x7f && unit <= 0x9f) || unit === 0x2028 || unit === 0x2029) {
        const lineBreakOrTab = unit === 0x09 || unit === 0x0a || unit === 0x0d || unit === 0x2028 || unit === 0x2029;
        if (!(policy.multiline && lineBreakOrTab)) found.add('control');
      } else if ((unit >= 0x202a && unit <= 0x202e) || (unit >= 0x2066 && unit <= 0x2069)) found.add('bidi-control');
      else if (unit === 0x200b || unit === 0xfeff) found.add('invisible');
    }
    const order: TextProblem[] = ['lone-surrogate', 'control', 'bidi-control', 'invisible'];
    return order.filter((problem) => found.has(problem));
  }

  const tricky = fc.constantFrom(
    ...'\u0000\t\n\r\u001f\u007f\u0085\u009f\u00a0\u200b\u200c\u200d\u200e\u2028\u2029\u202a\u202e\u2066\u2069\ufeff\ud800\udbff\udc00\udfff e\u0301\u212b\u0958',
  );
  const text = fc.string({ unit: fc.oneof(tricky, fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })) });

  it('refuses exactly the strings holding a refused character; keeps the rest as NFC', () => {
    fc.assert(
      fc.property(text, fc.boolean(), (value, multiline) => {
        const policy = { multiline };
        const checked = checkText(value, policy);
        expect(checked.ok ? [] : checked.problems).toEqual(expectedProblems(value, policy));
        if (checked.ok) {
          expect(checked.value).toBe(value.normalize('NFC'));
          // What is kept passes again unchanged: a stored value is never refused when sent back.
          expect(checkText(checked.value, policy)).toEqual(checked);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('describeTextProblem', () => {
  it('names the field and never quotes the value', () => {
    const problems: TextProblem[] = ['lone-surrogate', 'control', 'bidi-control', 'invisible'];
    for (const problem of problems) {
      for (const policy of [ONE_LINE, MULTILINE]) {
        expect(describeTextProblem('displayName', problem, policy)).toMatch(/^displayName must /);
      }
    }
    expect(describeTextProblem('note', 'control', MULTILINE)).toContain('other than tab and line breaks');
    expect(describeTextProblem('displayName', 'control', ONE_LINE)).toContain('single line');
  });
});

describe('names', () => {
  it('trims spaces of every width, and nothing else', () => {
    expect(trimSpaces('\u3000 \u00a0Sam Lee\u2003 ')).toBe('Sam Lee');
    // Left for checkText to refuse rather than quietly dropped.
    expect(trimSpaces('\tSam\n')).toBe('\tSam\n');
    expect(trimSpaces('\ufeffSam')).toBe('\ufeffSam');
    expect(trimSpaces('\u200dSam\u200c')).toBe('\u200dSam\u200c');
  });

  it.each(['', ' ', '\u00a0\u3000', '\u200d', ' \u200c ', '\u3164', '\u00ad', '\u2060'])(
    'takes %j for blank',
    (value) => {
      expect(isBlank(value)).toBe(true);
    },
  );

  it.each(['S', ' S ', '\u0915\u094d\u200d\u0937', '\u00e9', '-', '\u{1f33b}'])('takes %j for not blank', (value) => {
    expect(isBlank(value)).toBe(false);
  });
});
