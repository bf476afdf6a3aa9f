/** Lets callers wait until the queue is idle; the queue calls notify() after every change that may make it so. */
export interface IdleSignal {
  notify(): void;
  wait(timeoutMs: number | undefined): Promise<void>;
}

/** An IdleSignal over `isIdle`; `describe` says what is still busy when a wait times out. */
export function createIdleSignal(isIdle: () => boolean, describe: () => string): IdleSignal {
  const waiters = new Set<() => void>();
  return {
    notify() {
      if (!isIdle()) return;
      for (const resolve of [...waiters]) resolve();
    },
    wait(timeoutMs) {
      if (isIdle()) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        let timer: NodeJS.Timeout | undefined;
        const done = () => {
          waiters.delete(done);
          clearTimeout(timer);
          resolve();
        };
        waiters.add(done);
        if (timeoutMs !== undefined) {
          timer = setTimeout(() => {
            waiters.delete(done);
            reject(new Error(`in-process queue not idle after ${timeoutMs} ms: ${describe()}`));
          }, timeoutMs);
        }
      });
    },
  };
}
