// Workflow ID builders. Pure, so the workflow sandbox and the API derive the same IDs.

/** The callback workflow's ID is the event ID itself: the Web UI finds an event by what the API returned. */
export function callbackWorkflowId(eventId: string): string {
  return eventId;
}

/** Child IDs are derived from the parent so that a replayed or duplicated start is harmless. */
export function deliveryWorkflowId(eventId: string, destinationId: string): string {
  return `${eventId}.${destinationId}`;
}

/** One dead letter per failed run: a manual retry that fails again reports again. */
export function deadLetterWorkflowId(deliveryId: string, attemptsMade: number): string {
  return `${deliveryId}.dead-letter-${attemptsMade}`;
}
