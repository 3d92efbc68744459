import { classifyError, classifyStatus } from '../../../src/delivery/classify';
import { SsrfBlockedError } from '../../../src/delivery/ssrf';

describe('classifyStatus', () => {
  test.each([
    [200, 'delivered', false],
    [201, 'delivered', false],
    [204, 'delivered', false],
    [299, 'delivered', false],
    [301, 'permanent', false],
    [302, 'permanent', false],
    [307, 'permanent', false],
    [400, 'permanent', false],
    [401, 'permanent', false],
    [404, 'permanent', false],
    [410, 'permanent', false],
    [408, 'retryable', false],
    [425, 'retryable', false],
    [429, 'retryable', true],
    [500, 'retryable', false],
    [502, 'retryable', false],
    [503, 'retryable', true],
    [504, 'retryable', false],
  ])('HTTP %i → %s (Retry-After honoured: %s)', (status, outcome, honourRetryAfter) => {
    const result = classifyStatus(status);
    expect(result.outcome).toBe(outcome);
    expect(result.honourRetryAfter).toBe(honourRetryAfter);
  });

  test('a redirect names itself as not followed', () => {
    expect(classifyStatus(302).reason).toBe('redirect 302 not followed');
  });
});

describe('classifyError', () => {
  test.each([
    [Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }), 'retryable'],
    [Object.assign(new Error('Headers Timeout Error'), { code: 'UND_ERR_HEADERS_TIMEOUT' }), 'retryable'],
    [new DOMException('The operation was aborted due to timeout', 'TimeoutError'), 'retryable'],
    [new SsrfBlockedError('example.test', '10.0.0.1'), 'permanent'],
  ])('%s → %s', (err, outcome) => {
    expect(classifyError(err).outcome).toBe(outcome);
  });

  test('the SSRF reason is explicit', () => {
    expect(classifyError(new SsrfBlockedError('h.test', '127.0.0.1')).reason).toMatch(/non-public address 127\.0\.0\.1/);
  });
});
