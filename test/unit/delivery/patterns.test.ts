import { matchesAny, matchesEvent } from '../../../src/delivery/patterns';

describe('event patterns', () => {
  test.each([
    ['*', 'order.created', true],
    ['*', 'x', true],
    ['order.created', 'order.created', true],
    ['order.created', 'order.updated', false],
    ['order.*', 'order.created', true],
    ['order.*', 'order.item.added', true],
    ['order.*', 'order', false],
    ['order.*', 'orders.created', false],
    ['order.created', 'order.created.v2', false],
  ])('%s matches %s: %s', (pattern, type, expected) => {
    expect(matchesEvent(pattern, type)).toBe(expected);
  });

  test('any of several patterns', () => {
    expect(matchesAny(['invoice.paid', 'order.*'], 'order.shipped')).toBe(true);
    expect(matchesAny(['invoice.paid', 'order.*'], 'user.created')).toBe(false);
  });
});
