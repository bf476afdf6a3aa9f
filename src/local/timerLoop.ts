import { CronExpressionParser } from 'cron-parser';

export interface TimerLoop {
  stop(): Promise<void>;
  /** Runs one tick now (waits for a tick in progress first); ticks never overlap. */
  runNow(): Promise<void>;
}

/**
 * Fires `tick` on a six-field NCRONTAB schedule (seconds first), like the Functions timer trigger.
 * Like the host's singleton timer, a tick never overlaps the previous one; a tick that overruns
 * skips the occurrences it missed.
 */
export function startTimerLoop(schedule: string, tick: () => Promise<void>, onError: (error: unknown) => void): TimerLoop {
  const expression = CronExpressionParser.parse(schedule);
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;

  const run = (): Promise<void> => {
    running = running.then(() => (stopped ? undefined : tick().catch(onError)));
    return running;
  };
  const scheduleNext = () => {
    if (stopped) return;
    expression.reset(new Date());
    const delay = Math.max(0, expression.next().getTime() - Date.now());
    timer = setTimeout(() => void run().then(scheduleNext), delay);
  };
  scheduleNext();

  return {
    runNow: run,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
