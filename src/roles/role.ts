// What every role hands back: a way to stop it, and a promise that says when it stopped.
export interface RoleHandle {
  /** Settles when the role has stopped: resolves after close(), rejects if it failed on its own. */
  readonly done: Promise<void>;
  /** Stops taking work, finishes what is in flight, and resolves when it has (rejects as `done` does). */
  close(): Promise<void>;
}

/** A handle over a task that runs until its signal aborts. */
export function handleFor(run: (signal: AbortSignal) => Promise<void>): RoleHandle {
  const controller = new AbortController();
  const done = run(controller.signal);
  // Awaited by close() and by whoever composes roles; never an unhandled rejection on its own.
  done.catch(() => undefined);
  return {
    done,
    close() {
      controller.abort();
      return done;
    },
  };
}
