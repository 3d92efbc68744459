// How a refusal by Temporal is told apart from other failures, and what the message says.
import { credentialsRefused, isCredentialsRefusal } from '../../../src/temporal/auth-errors';

const grpcError = (code: number, details: string) => Object.assign(new Error(`${code} ${details}`), { code, details });
const wrapped = (cause: Error) => Object.assign(new Error('Failed to connect to Temporal server'), { cause });

test('PERMISSION_DENIED and UNAUTHENTICATED are refusals, wrapped or not; UNAVAILABLE is not', () => {
  expect(isCredentialsRefusal(grpcError(7, 'Request unauthorized.'))).toBe(true);
  expect(isCredentialsRefusal(wrapped(grpcError(16, 'no token')))).toBe(true);
  expect(isCredentialsRefusal(wrapped(grpcError(14, 'connect ECONNREFUSED')))).toBe(false);
  // The worker's native connection gives only text.
  const native = new Error(
    "Failed to call GetSystemInfo: code: 'The caller does not have permission to execute the specified operation'",
  );
  expect(isCredentialsRefusal(native)).toBe(true);
});

test('the message names the server, what was refused, the server’s words and what to check, never the key', () => {
  const key = 'eyJhbGciOiJFUzI1NiJ9.secret.part';
  const err = credentialsRefused(
    wrapped(grpcError(7, 'Request unauthorized.')),
    { address: 'tmprl:7233', apiKey: key },
    'the connection',
  );
  expect(err?.name).toBe('TemporalAuthError');
  expect(err?.message).toBe(
    'Temporal at tmprl:7233 refused the connection (Request unauthorized.): check temporal.apiKey: a current key ' +
      '(not expired or revoked) with the rights this needs',
  );
  expect(err?.message).not.toContain(key);
  const none = credentialsRefused(grpcError(7, 'Request unauthorized.'), { address: 'a:1' }, 'registering namespace n', 'hint');
  expect(none?.message).toMatch(/wants credentials: set temporal\.apiKey .*; hint$/);
  expect(credentialsRefused(grpcError(14, 'down'), { address: 'a:1' }, 'x')).toBeUndefined();
});
