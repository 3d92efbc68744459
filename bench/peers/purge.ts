// The accept phase's jobs are dropped before a peer's worker starts, so only what is measured is
// delivered (Barrage's accepts go to a task queue no worker polls, the same effect).
import { Redis } from 'ioredis';
import { Pool } from 'pg';

export async function purgePgBoss(url: string): Promise<void> {
  const pool = new Pool({ connectionString: url, max: 1 });
  try {
    await pool.query('DELETE FROM pgboss.job');
  } finally {
    await pool.end();
  }
}

export async function purgeRedis(url: string): Promise<void> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    await redis.flushall();
  } finally {
    redis.disconnect();
  }
}
