// The secrets that sign a tenant's one-off deliveries: one made on first use, rotated with an
// overlap as a destination's are, sealed at rest under security.encryptionKey.
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { OpenedSecret } from './destinations';
import type { SecretBox } from './secret-box';
import type { Tables } from './tables';
import { bumpVersion } from './version';

const newId = () => `tsec_${randomBytes(10).toString('hex')}`;

export function createTenantSecretStore(db: Kysely<Tables>, box: SecretBox) {
  const signing = (tenantId: string, now: Date) => signingSecrets(db, box, tenantId, now);
  return {
    signing,

    /** The signing secrets, the first one made now if the tenant has none (two at once make one). */
    async ensure(tenantId: string, now: Date, make: () => string): Promise<OpenedSecret[]> {
      const current = await signing(tenantId, now);
      if (current.length > 0) return current;
      await db.transaction().execute(async (tx) => {
        await tx.executeQuery(lockQuery(tx, tenantId));
        const existing = await tx.selectFrom('tenant_secrets').select('id').where('tenant_id', '=', tenantId).executeTakeFirst();
        if (!existing) await addSecret(tx, box, tenantId, make());
      });
      return signing(tenantId, now);
    },

    /** The new secret signs at once; the ones signing now keep signing until `now + overlapMs`. */
    async rotate(tenantId: string, secret: string, overlapMs: number, now: Date): Promise<OpenedSecret[]> {
      await db.transaction().execute(async (tx) => {
        const until = new Date(now.getTime() + overlapMs);
        await tx.deleteFrom('tenant_secrets').where('tenant_id', '=', tenantId).where('expires_at', '<=', now).execute();
        await tx
          .updateTable('tenant_secrets')
          .set({ expires_at: until })
          .where('tenant_id', '=', tenantId)
          .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', until)]))
          .execute();
        await addSecret(tx, box, tenantId, secret);
        // Workers keep the secrets they sign with until the registry says something changed.
        await bumpVersion(tx);
      });
      return signing(tenantId, now);
    },
  };
}

export type TenantSecretStore = ReturnType<typeof createTenantSecretStore>;

/** Secrets signing at `now`, newest first. */
async function signingSecrets(db: Kysely<Tables>, box: SecretBox, tenantId: string, now: Date): Promise<OpenedSecret[]> {
  const rows = await db
    .selectFrom('tenant_secrets')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => ({ id: r.id, secret: box.open(r.sealed, r.id), createdAt: r.created_at, expiresAt: r.expires_at }));
}

async function addSecret(executor: Kysely<Tables>, box: SecretBox, tenantId: string, secret: string): Promise<void> {
  const id = newId();
  await executor
    .insertInto('tenant_secrets')
    .values({ id, tenant_id: tenantId, sealed: box.seal(secret, id) })
    .execute();
}

function lockQuery(tx: Kysely<Tables>, tenantId: string) {
  return tx
    .selectNoFrom((eb) =>
      eb.fn('pg_advisory_xact_lock', [eb.fn('hashtext', [eb.val(`barrage.tenant_secrets:${tenantId}`)])]).as('l'),
    )
    .compile();
}
