import { boundedInt, factTypes, pageSize, text } from '../../../src/compiler/arguments/arguments';
import { decodeCursor, encodeCursor } from '../../../src/compiler/arguments/cursor';
import { dateWindow, dayRange } from '../../../src/compiler/arguments/dates';

function rejection(fn: () => unknown): { message: string; code: unknown } {
  try {
    fn();
  } catch (error) {
    const e = error as { message: string; extensions: { code: unknown } };
    return { message: e.message, code: e.extensions.code };
  }
  throw new Error('expected a rejection');
}

describe('argument checks', () => {
  it('page sizes are whole numbers from 1 to 100', () => {
    expect(pageSize(1)).toBe(1);
    expect(pageSize(100)).toBe(100);
    expect(rejection(() => pageSize(101))).toEqual({
      message: 'Argument "first" must be between 1 and 100 (got 101)',
      code: 'BAD_USER_INPUT',
    });
    expect(rejection(() => pageSize(null)).message).toBe('Argument "first" must be between 1 and 100 (got null)');
    expect(rejection(() => boundedInt(2.5, 'depth', 1, 3)).message).toBe(
      'Argument "depth" must be between 1 and 3 (got 2.5)',
    );
  });

  it('texts are trimmed, not blank and bounded', () => {
    expect(text('  doj ', 'actionBy')).toBe('doj');
    expect(rejection(() => text(' ', 'actionBy')).message).toBe('Argument "actionBy" must not be empty');
    expect(rejection(() => text('x'.repeat(201), 'text')).message).toBe(
      'Argument "text" must be at most 200 characters (got 201)',
    );
  });

  it('relationship types must be fact types of the model', () => {
    expect(factTypes(['OPPOSED', 'OPPOSED', 'TARGETS'])).toEqual(['OPPOSED', 'TARGETS']);
    expect(factTypes(undefined)).toHaveLength(9);
    expect(rejection(() => factTypes(['opposed'])).message).toContain(
      'contains "opposed", which is not one of HOLDS_ROLE',
    );
    expect(rejection(() => factTypes([])).message).toContain('must name at least one of');
  });
});

describe('cursors', () => {
  it('are opaque and round-trip to a position', () => {
    expect(encodeCursor(12)).not.toContain('12');
    expect(decodeCursor(encodeCursor(12))).toBe(12);
    expect(decodeCursor(null)).toBe(0);
  });

  it('reject anything the API did not issue', () => {
    for (const bad of [
      '',
      'abc',
      encodeCursor(0),
      Buffer.from('offset:-3').toString('base64url'),
      Buffer.from('offset:1e3').toString('base64url'),
    ]) {
      expect(rejection(() => decodeCursor(bad)).code).toBe('BAD_USER_INPUT');
    }
  });
});

describe('dates', () => {
  it('cover every day of their precision', () => {
    expect(dayRange('2018')).toEqual({ first: '2018-01-01', last: '2018-12-31' });
    expect(dayRange('2016-02')).toEqual({ first: '2016-02-01', last: '2016-02-29' });
    expect(dayRange('2018-01-24')).toEqual({ first: '2018-01-24', last: '2018-01-24' });
    expect(dayRange('2018-02-29')).toBeNull();
    expect(dayRange('18-01')).toBeNull();
  });

  it('make a window from the first day of from to the last day of to', () => {
    expect(dateWindow('2018-06', '2018')).toEqual({ first: '2018-06-01', last: '2018-12-31' });
    expect(dateWindow(null, '2017-04')).toEqual({ first: undefined, last: '2017-04-30' });
    expect(rejection(() => dateWindow('2018-07', '2018-06')).message).toBe(
      'Argument "from" must not be after "to" (2018-07 > 2018-06)',
    );
  });
});
