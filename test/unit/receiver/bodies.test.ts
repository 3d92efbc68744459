import { jsonDepthExceeds, MAX_JSON_DEPTH, parseJsonText } from '../../../src/api/bodies';
import { ApiError } from '../../../src/base/api-error';

const nest = (n: number, inner = '1') => '['.repeat(n) + inner + ']'.repeat(n);

describe('jsonDepthExceeds', () => {
  test.each([
    ['flat', '{"a":1,"b":[1,2]}', 2, false],
    ['exactly the limit', nest(5), 5, false],
    ['one over', nest(6), 5, true],
    ['objects and arrays count alike', '{"a":[{"b":[1]}]}', 3, true],
    ['brackets inside strings do not count', '["[[[[[[[[[[{{{{{{"]', 1, false],
    ['escaped quotes do not end a string', '["\\"[[[[[[", 1]', 1, false],
    ['an escaped backslash does end it', '["\\\\", [[1]]]', 2, true],
    ['siblings do not add up', '[[1],[2],[3],[4]]', 2, false],
  ])('%s', (_name, text, max, expected) => {
    expect(jsonDepthExceeds(text, max)).toBe(expected);
  });

  test('a body of 200,000 levels is scanned without recursion', () => {
    expect(jsonDepthExceeds(nest(200_000), MAX_JSON_DEPTH)).toBe(true);
  });
});

describe('parseJsonText', () => {
  test('refuses depth before parsing, and invalid JSON as invalid_json', () => {
    const refused = (text: string) => {
      try {
        parseJsonText(text);
      } catch (err) {
        return err instanceof ApiError ? [err.status, err.code] : err;
      }
      return 'parsed';
    };
    expect(refused(nest(MAX_JSON_DEPTH + 1))).toEqual([400, 'invalid_request']);
    expect(refused(nest(MAX_JSON_DEPTH + 1, ''))).toEqual([400, 'invalid_request']);
    expect(refused('{"type":')).toEqual([400, 'invalid_json']);
    expect(parseJsonText(nest(MAX_JSON_DEPTH))).toBeDefined();
  });
});
