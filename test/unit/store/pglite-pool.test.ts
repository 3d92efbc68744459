import { commandOf } from '../../../src/store/pglite-pool';

test.each([
  ['select 1', 'SELECT'],
  ['  insert into t values ($1)', 'INSERT'],
  ['begin', 'BEGIN'],
  ['commit', 'COMMIT'],
  ['update t set a = 1', 'UPDATE'],
  // The command after the common table expressions, whatever parentheses they hold.
  ['with bumped as (update v set n = n + 1 returning n) select pg_notify($1, n::text) from bumped', 'SELECT'],
  [
    'with c as (select count(*) from t), d as (select max(x) from (select 1 as x) s) update t set n = (select * from c)',
    'UPDATE',
  ],
  ['WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 3) DELETE FROM t', 'DELETE'],
])('%s → %s', (sql, command) => {
  expect(commandOf(sql)).toBe(command);
});
