import { isValidSecret, sign, signatureHeader, verify } from '../../../src/delivery/signature';

// The Standard Webhooks specification's published test vector.
const VECTOR = {
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
  timestampSeconds: 1614265330,
  body: '{"test": 2432232314}',
  expected: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
};
const OTHER = 'whsec_' + Buffer.alloc(24, 7).toString('base64');

describe('Standard Webhooks signatures', () => {
  test('match the specification test vector', () => {
    expect(sign(VECTOR.secret, VECTOR)).toBe(VECTOR.expected);
  });

  test('sign bytes and strings alike', () => {
    expect(sign(VECTOR.secret, { ...VECTOR, body: Buffer.from(VECTOR.body) })).toBe(VECTOR.expected);
  });

  test('carry one signature per secret while rotating', () => {
    const header = signatureHeader([VECTOR.secret, OTHER], VECTOR);
    expect(header.split(' ')).toEqual([VECTOR.expected, sign(OTHER, VECTOR)]);
  });

  test('verify with any active secret, within the tolerance', () => {
    const header = signatureHeader([OTHER], VECTOR);
    const input = { ...VECTOR, signatureHeader: header, nowSeconds: VECTOR.timestampSeconds + 10 };
    expect(verify([VECTOR.secret, OTHER], input)).toEqual({ ok: true });
    expect(verify([VECTOR.secret], input)).toEqual({ ok: false, reason: 'no matching signature' });
    expect(verify([OTHER], { ...input, nowSeconds: VECTOR.timestampSeconds + 301 })).toEqual({
      ok: false,
      reason: 'timestamp outside tolerance',
    });
  });

  test('reject a tampered body', () => {
    const input = { ...VECTOR, body: '{"test": 1}', signatureHeader: VECTOR.expected, nowSeconds: VECTOR.timestampSeconds };
    expect(verify([VECTOR.secret], input).ok).toBe(false);
  });

  test.each([
    [VECTOR.secret, true],
    [OTHER, true],
    ['MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', false],
    ['whsec_c2hvcnQ=', false],
  ])('secret %s valid: %s', (secret, valid) => {
    expect(isValidSecret(secret)).toBe(valid);
  });
});
