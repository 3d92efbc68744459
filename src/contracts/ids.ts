// Workflow ID builders. Pure, so the workflow sandbox and the API derive the same IDs.

/**
 * Joins the parts of a child workflow's ID. Event ids and destination ids are both
 * [A-Za-z0-9._:-]{1,128}, so neither can contain it: `<event>~<destination>` names exactly one
 * pair, and no event id (callback workflow ID) ever equals a delivery's ID. "~" rather than
 * another character because it is RFC 3986 "unreserved" (Web UI links carry it unescaped),
 * printable ASCII (an SQS FIFO deduplication id may hold it) and, inside a word, means nothing
 * to a shell.
 */
export const ID_SEPARATOR = '~';

/**
 * "legacy": the IDs of events accepted before the separator, `<event>.<destination>` and
 * `<delivery>.dead-letter-<n>`. Those could collide (event `a.b` → `c` and `a` → `b.c`), so they
 * are only ever read, or reused by a manual retry of such a delivery; nothing new is given one.
 */
export type IdScheme = 'current' | 'legacy';

/** The callback workflow's ID is the event ID itself: the Web UI finds an event by what the API returned. */
export function callbackWorkflowId(eventId: string): string {
  return eventId;
}

/** Child IDs are derived from the parent so that a replayed or duplicated start is harmless. */
export function deliveryWorkflowId(eventId: string, destinationId: string, scheme: IdScheme = 'current'): string {
  return `${eventId}${separator(scheme)}${destinationId}`;
}

/** One dead letter per failed run: a manual retry that fails again reports again. */
export function deadLetterWorkflowId(deliveryId: string, attemptsMade: number, scheme: IdScheme = 'current'): string {
  return `${deliveryId}${separator(scheme)}dead-letter-${attemptsMade}`;
}

/**
 * The event of a workflow ID in the current scheme (a delivery, a manual retry's run, a dead
 * letter): what comes before the first separator. Undefined for an event's own ID and legacy ones.
 */
export function eventIdOf(workflowId: string): string | undefined {
  const at = workflowId.indexOf(ID_SEPARATOR);
  return at > 0 ? workflowId.slice(0, at) : undefined;
}

const separator = (scheme: IdScheme) => (scheme === 'current' ? ID_SEPARATOR : '.');
