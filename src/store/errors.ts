// What the store refuses, as types the API maps onto 409s.

/** The id is taken (by a live row, or for tenants by a deleted one too). */
export class ConflictError extends Error {}

/** A configured limit (limits.*) would be passed. */
export class LimitReachedError extends Error {}
