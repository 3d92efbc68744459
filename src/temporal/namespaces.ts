// Tenant namespaces and their search attributes, registered idempotently at start-up.
import { Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time';
import { temporal } from '@temporalio/proto';
import { SEARCH_ATTRIBUTES } from '../contracts';
import { GRPC, grpcCode } from '../base/grpc';

const IndexedValueType = temporal.api.enums.v1.IndexedValueType;
const SA_TYPES = {
  Keyword: IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
  KeywordList: IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD_LIST,
  Int: IndexedValueType.INDEXED_VALUE_TYPE_INT,
} as const;

export interface EnsureNamespaceOptions {
  retentionMs: number;
  /** How long to wait for a new namespace to become usable (the server caches namespaces). */
  readyTimeoutMs?: number;
  /**
   * The server's namespace cache refresh (system.namespaceCacheRefreshInterval). Each service
   * reloads namespaces on its own timer: the frontend answering with the new search attributes
   * does not mean history does, and a workflow task that sets them fails there (its workflow
   * then waits out a 10 s task timeout). After a change Barrage waits this long once more.
   */
  cacheRefreshMs?: number;
}

export async function ensureNamespace(connection: Connection, namespace: string, options: EnsureNamespaceOptions): Promise<void> {
  let changed = true;
  try {
    await connection.workflowService.registerNamespace({
      namespace,
      workflowExecutionRetentionPeriod: msToTs(options.retentionMs),
      description: 'Barrage tenant',
    });
  } catch (err) {
    if (grpcCode(err) !== GRPC.ALREADY_EXISTS) throw err;
    await setRetention(connection, namespace, options.retentionMs);
    changed = false;
  }
  if (await ensureSearchAttributes(connection, namespace)) changed = true;
  await waitUntilReady(connection, namespace, options.readyTimeoutMs ?? 30_000);
  if (changed && options.cacheRefreshMs) await new Promise((r) => setTimeout(r, options.cacheRefreshMs));
}

/** Retention is the dedupe window, so an existing namespace is brought to the configured value. */
export async function setRetention(
  connection: Pick<Connection, 'workflowService'>,
  namespace: string,
  retentionMs: number,
): Promise<void> {
  const described = await connection.workflowService.describeNamespace({ namespace });
  const current = described.config?.workflowExecutionRetentionTtl;
  const currentMs = Number(current?.seconds ?? 0) * 1000 + Math.round((current?.nanos ?? 0) / 1e6);
  if (currentMs === retentionMs) return;
  await connection.workflowService.updateNamespace({
    namespace,
    config: { workflowExecutionRetentionTtl: msToTs(retentionMs) },
  });
}

/** True when it added any. */
async function ensureSearchAttributes(connection: Connection, namespace: string): Promise<boolean> {
  const existing = (await connection.operatorService.listSearchAttributes({ namespace })).customAttributes ?? {};
  // A type cannot change in place; starting workflows against the wrong type would fail later
  // and less clearly, so say now what to do.
  for (const sa of Object.values(SEARCH_ATTRIBUTES)) {
    const current = existing[sa.name];
    if (current !== undefined && current !== SA_TYPES[sa.type]) {
      throw new Error(
        `search attribute ${sa.name} in namespace ${namespace} has type ${IndexedValueType[current]} but Barrage needs ${sa.type} ` +
          `(it changed in this version). Remove it (temporal operator search-attribute remove --namespace ${namespace} --name ${sa.name}) ` +
          'and start again; for the embedded dev server, deleting its database file (temporal.devServer.dbFile) also works.',
      );
    }
  }
  const missing = Object.values(SEARCH_ATTRIBUTES).filter((sa) => !(sa.name in existing));
  if (missing.length === 0) return false;
  try {
    await connection.operatorService.addSearchAttributes({
      namespace,
      searchAttributes: Object.fromEntries(missing.map((sa) => [sa.name, SA_TYPES[sa.type]])),
    });
    return true;
  } catch (err) {
    if (grpcCode(err) === GRPC.ALREADY_EXISTS) return true;
    // SQL visibility (PostgreSQL, MySQL, SQLite) has a fixed number of custom attributes per type.
    throw new Error(
      `could not add search attributes ${missing.map(describe).join(', ')} to namespace ${namespace}: ` +
        `${err instanceof Error ? err.message : String(err)}. On SQL visibility each namespace has a fixed number ` +
        'of custom search attributes per type; remove unused ones or see docs/PRODUCTION.md',
      { cause: err },
    );
  }
}

const describe = (sa: { name: string; type: string }) => `${sa.name} (${sa.type})`;

/** Barrage's search attributes a namespace lacks; undefined when the namespace does not exist. */
export async function missingSearchAttributes(
  connection: Pick<Connection, 'operatorService'>,
  namespace: string,
): Promise<{ name: string; type: string }[] | undefined> {
  try {
    const existing = (await connection.operatorService.listSearchAttributes({ namespace })).customAttributes ?? {};
    return Object.values(SEARCH_ATTRIBUTES).filter((sa) => !(sa.name in existing));
  } catch (err) {
    if (grpcCode(err) === GRPC.NOT_FOUND) return undefined;
    throw err;
  }
}

/** What an operator creates when Barrage does not manage namespaces (temporal.manageNamespaces: false). */
export function namespaceSetupHint(
  namespace: string,
  missing: readonly { name: string; type: string }[] = Object.values(SEARCH_ATTRIBUTES),
): string {
  return `create namespace ${namespace} with the search attributes ${missing.map(describe).join(', ')} (docs/PRODUCTION.md)`;
}

/** A namespace is ready when visibility answers queries that use our search attributes. */
export async function waitUntilReady(connection: Connection, namespace: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 0; ; attempt++) {
    try {
      await connection.workflowService.countWorkflowExecutions({
        namespace,
        query: `${SEARCH_ATTRIBUTES.status.name} = 'failed' AND ${SEARCH_ATTRIBUTES.attempts.name} > 0`,
      });
      return;
    } catch (err) {
      const code = grpcCode(err);
      // NOT_FOUND: namespace not cached yet; INVALID_ARGUMENT: search attribute not known yet.
      const retriable = code === GRPC.NOT_FOUND || code === GRPC.INVALID_ARGUMENT;
      if (!retriable || Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, Math.min(250 * 2 ** attempt, 1000)));
    }
  }
}

export async function namespaceReady(connection: Connection, namespace: string): Promise<boolean> {
  try {
    await connection.workflowService.describeNamespace({ namespace });
    return true;
  } catch {
    return false;
  }
}
