/** The gRPC status code behind a Temporal client error, looking through `cause` chains. */
export function grpcCode(err: unknown): number | undefined {
  let current = err as { code?: unknown; cause?: unknown } | undefined;
  for (let depth = 0; current && depth < 5; depth++, current = current.cause as typeof current) {
    if (typeof current.code === 'number') return current.code;
  }
  return undefined;
}

export const GRPC = {
  INVALID_ARGUMENT: 3,
  DEADLINE_EXCEEDED: 4,
  NOT_FOUND: 5,
  ALREADY_EXISTS: 6,
  PERMISSION_DENIED: 7,
  RESOURCE_EXHAUSTED: 8,
  UNAVAILABLE: 14,
  UNAUTHENTICATED: 16,
} as const;

/** gRPC codes that mean "Temporal cannot take this now": the caller should retry later. */
const UNAVAILABLE_CODES = new Set<number>([GRPC.DEADLINE_EXCEEDED, GRPC.RESOURCE_EXHAUSTED, GRPC.UNAVAILABLE]);

export function isTemporalUnavailable(err: unknown): boolean {
  const code = grpcCode(err);
  if (code !== undefined) return UNAVAILABLE_CODES.has(code);
  return err instanceof Error && /ECONNREFUSED|UNAVAILABLE|DEADLINE_EXCEEDED|Failed to connect/.test(err.message);
}
