// What both plug-in registries (destinations, sources) need to build a config union from their list.
import type { Env } from './fields';

/** Each plug-in's schema type, as a tuple: z.discriminatedUnion needs the tuple, a generic mapped type keeps it. */
export type SchemasOf<P extends readonly unknown[]> = {
  -readonly [K in keyof P]: P[K] extends { configSchema(env: Env): infer S } ? S : never;
};

/** "http, sqs or kafka". */
export const orList = (names: readonly string[]) =>
  names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
