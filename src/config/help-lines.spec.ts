import { parseEnvironment } from './environment';

describe('HELP_LINES', () => {
  it('defaults to Lifeline and the emergency number', () => {
    expect(parseEnvironment({}).HELP_LINES).toEqual([
      { name: 'Lifeline, 24 hours a day', number: '13 11 14' },
      { name: 'Emergency (police, fire, ambulance)', number: '000' },
    ]);
  });

  it('takes a service of its own lines, in order', () => {
    expect(parseEnvironment({ HELP_LINES: 'Samaritans=116 123; Emergency = 999' }).HELP_LINES).toEqual([
      { name: 'Samaritans', number: '116 123' },
      { name: 'Emergency', number: '999' },
    ]);
  });

  it.each(['', 'Lifeline', '13 11 14', 'Lifeline=', '=000', 'Lifeline=call us'])(
    'refuses %j, naming the setting',
    (value) => {
      expect(() => parseEnvironment({ HELP_LINES: value })).toThrow(/HELP_LINES must be "name=number" pairs/);
    },
  );
});
