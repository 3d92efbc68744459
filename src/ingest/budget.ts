// Temporal rejects a payload over 2 MB and terminates a workflow whose history passes 50 MB.
// The body travels in the callback's input and once more in each delivery's start event, so the
// budget is checked before anything starts, and answered as 413 instead of a late failure.
import type { CallbackInput } from '../contracts';

export const MAX_INPUT_BYTES = 1_900_000;
export const MAX_HISTORY_BYTES = 40 * 1024 * 1024;

/** Why this callback cannot go to Temporal, or undefined when it fits. */
export function payloadBudgetProblem(input: CallbackInput): string | undefined {
  const inputBytes = Buffer.byteLength(JSON.stringify(input));
  if (inputBytes > MAX_INPUT_BYTES)
    return `the callback encodes to ${inputBytes} bytes; Temporal takes at most ${MAX_INPUT_BYTES}`;
  const copies = 1 + input.destinations.length;
  if (inputBytes * copies > MAX_HISTORY_BYTES) {
    return `a ${inputBytes}-byte callback to ${input.destinations.length} destinations exceeds the ${MAX_HISTORY_BYTES}-byte history budget`;
  }
  return undefined;
}
