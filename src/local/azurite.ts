import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';

/** A running Azurite Table service on a loopback port of its own. */
export interface RunningAzurite {
  /** Explicit http connection string (createTableClients allows insecure http for it). */
  connectionString: string;
  /** Stops the process and waits for it to be gone. Safe to call twice. */
  stop(): Promise<void>;
}

const AZURITE_TABLE = fileURLToPath(new URL('../../node_modules/.bin/azurite-table', import.meta.url));
// Azurite's published development account: a well-known public key, not a secret.
const DEV_ACCOUNT = 'devstoreaccount1';
const DEV_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
const READY_TIMEOUT_MS = 30_000;

/**
 * Runs Azurite inside a watchdog: it exits as soon as its stdin closes, which the OS does when the
 * test process dies in any way (even SIGKILL), so a crashed test run leaves no Azurite behind.
 * The dummy argv[1] stands in for the script path Azurite's argument parser skips.
 */
const WATCHDOG = [
  "process.stdin.on('end', () => process.exit(0));",
  "process.stdin.on('error', () => process.exit(0));",
  'process.stdin.resume();',
  'require(process.env.AZURITE_TABLE_SCRIPT);',
].join(' ');

/** Where Azurite keeps its data: a folder (survives restarts) or null (in memory). */
export interface AzuriteOptions {
  location: string | null;
}

/** Starts Azurite (Table only) on a free loopback port from the npm package and resolves once it listens. */
export async function startAzuriteTable(options: AzuriteOptions): Promise<RunningAzurite> {
  let lastError: unknown;
  // A free port can be taken by someone else between probing and binding: try a few.
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      return await startOn(await freePort(), options);
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}

async function startOn(port: number, options: AzuriteOptions): Promise<RunningAzurite> {
  const child = spawn(
    process.execPath,
    [
      '-e',
      WATCHDOG,
      'azurite-table',
      '--tableHost',
      '127.0.0.1',
      '--tablePort',
      String(port),
      ...(options.location ? ['--location', options.location] : ['--inMemoryPersistence']),
      '--skipApiVersionCheck',
      '--loose',
      '--silent',
      '--disableTelemetry',
    ],
    {
      cwd: options.location ?? tmpdir(),
      env: { ...process.env, AZURITE_TABLE_SCRIPT: AZURITE_TABLE },
      stdio: ['pipe', 'pipe', 'pipe'],
      // Its own process group: a Ctrl+C in the terminal must not reach Azurite before kill() asks it to save.
      detached: true,
    },
  );
  let output = '';
  const keepTail = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-2000);
  };
  child.stdout?.on('data', keepTail);
  child.stderr?.on('data', keepTail);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    await waitUntilStarted(port, child, () => output);
  } catch (error) {
    await kill(child, exited, () => output);
    throw error;
  }
  // Neither the pipes nor the child should keep a finished test process alive (the watchdog ends
  // Azurite when this process goes); the data listeners keep draining the pipes meanwhile.
  for (const stream of [child.stdin, child.stdout, child.stderr]) (stream as Socket | null)?.unref();
  child.unref();

  let stopping: Promise<void> | null = null;
  return {
    connectionString:
      `DefaultEndpointsProtocol=http;AccountName=${DEV_ACCOUNT};AccountKey=${DEV_KEY};` +
      `TableEndpoint=http://127.0.0.1:${port}/${DEV_ACCOUNT};`,
    stop() {
      stopping ??= kill(child, exited, () => output);
      return stopping;
    },
  };
}

/**
 * Stops Azurite so that it saves: its table server persists on SIGINT (or every few seconds), and
 * a SIGTERM would end it with the last writes unsaved — a restart would then resume from stale
 * cursors. After "successfully closed", closing stdin lets the watchdog exit.
 */
async function kill(child: ChildProcess, exited: Promise<void>, output: () => string): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGINT');
  const closed = new Promise<void>((resolve) => {
    const check = setInterval(() => {
      if (output().includes('successfully closed')) {
        clearInterval(check);
        resolve();
      }
    }, 25);
    void exited.then(() => {
      clearInterval(check);
      resolve();
    });
  });
  const gaveUp = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await closed;
  child.stdin?.end();
  await exited;
  clearTimeout(gaveUp);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Waits for Azurite's "successfully started" line, printed once its server is bound: a mere TCP
 * connect could reach whoever took the port first.
 */
function waitUntilStarted(port: number, child: ChildProcess, output: () => string): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => finish(new Error(`Azurite did not start on port ${port} within ${READY_TIMEOUT_MS} ms: ${output().trim()}`)),
      READY_TIMEOUT_MS,
    );
    const onData = () => {
      if (output().includes('successfully started')) finish();
    };
    const onExit = () => finish(new Error(`Azurite exited before listening on port ${port}: ${output().trim() || 'no output'}`));
    function finish(error?: Error) {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve();
    }
    // Registered after keepTail, so output() already holds the chunk that triggered this.
    child.stdout?.on('data', onData);
    child.once('exit', onExit);
  });
}
