import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CoreNlpConfig } from '../core/config';
import { freePort } from '../core/ports';
import { alive, javaMajorVersion, startWatchdog, terminate } from '../core/processes';
import type { Progress } from '../core/progress';
import { basicAuth, type CoreNlpEndpoint } from './client';
import { CoreNlpError } from './errors';
import { ensureCoreNlpJars } from './jars';
import { ANNOTATE_PROPERTIES } from './properties';
import { blockListText, randomCredentials, serverArgs, serverPropertiesText } from './server-args';

/** A running local CoreNLP: where to reach it, with which credentials, and how to stop it. */
export interface LocalCoreNlp extends CoreNlpEndpoint {
  credentials: { user: string; password: string };
  pid: number;
  /** The server's stdout and stderr. */
  logFile: string;
  /** Stops the server (SIGTERM, then SIGKILL) and removes its run folder. Safe to call twice. */
  stop(): Promise<void>;
}

const STOP_GRACE_MS = 15_000;

/** Throws a one-line error when there is no Java 8+ to run CoreNLP with. */
export function requireJava(): number {
  const major = javaMajorVersion();
  if (major === null) {
    throw new CoreNlpError(
      'start',
      'java',
      'Java is not on PATH: install Java 17, set CORENLP_URL to use a running CoreNLP server, or use --extractor=rules',
    );
  }
  if (major < 8)
    throw new CoreNlpError('start', 'java', `CoreNLP 4.5 needs Java 8 or later; java -version says ${major}`);
  return major;
}

function tail(file: string, lines: number): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n') || '(empty log)';
  } catch {
    return '(no log)';
  }
}

async function status(url: string, init: RequestInit = {}): Promise<number | null> {
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(5_000) });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return null;
  }
}

/** Polls /ready until it answers 200, the JVM exits, or the bound passes. */
async function waitForReady(
  server: LocalCoreNlp,
  exited: () => number | null,
  boundMs: number,
  progress: Progress,
): Promise<void> {
  const started = Date.now();
  let lastNote = started;
  for (;;) {
    const code = exited();
    if (code !== null) {
      throw new CoreNlpError(
        'start',
        server.logFile,
        `CoreNLP exited with code ${code} before answering. ${server.logFile} says:\n${tail(server.logFile, 20)}`,
      );
    }
    if ((await status(`${server.url}/ready`, { headers: { authorization: basicAuth(server.credentials) } })) === 200)
      return;
    if (Date.now() - started > boundMs) {
      throw new CoreNlpError(
        'start',
        server.url,
        `CoreNLP did not answer on ${server.url} within ${boundMs / 1000} s (CORENLP_START_TIMEOUT_MS); ${server.logFile} says:\n${tail(server.logFile, 20)}`,
      );
    }
    if (Date.now() - lastNote > 10_000) {
      progress.info(
        `  …CoreNLP is loading its models (${Math.round((Date.now() - started) / 1000)} s; about 40 s on an idle machine)`,
      );
      lastNote = Date.now();
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** Refuses to use a server that answers an annotation request without the run's credentials. */
async function checkAuthRequired(server: LocalCoreNlp): Promise<void> {
  const probe = `${server.url}/?properties=${encodeURIComponent('{"annotators":"tokenize","outputFormat":"json"}')}`;
  const code = await status(probe, { method: 'POST', body: 'probe' });
  if (code !== 401) {
    throw new CoreNlpError(
      'start',
      server.url,
      `CoreNLP on ${server.url} answered ${code ?? 'nothing'} to a request without credentials, not 401: refusing to use it`,
    );
  }
}

/**
 * Starts a private Stanford CoreNLP server from Maven Central jars on a free port: a random basic-auth pair and
 * a blockList of every non-loopback IPv4 subnet (see server-args.ts). Resolves the jars on first use. The models
 * are preloaded before the port opens, so it returns once they are loaded and a request without credentials is
 * refused.
 */
export async function startLocalCoreNlp(config: CoreNlpConfig, progress: Progress): Promise<LocalCoreNlp> {
  const started = Date.now();
  requireJava();
  const jarsDir = await ensureCoreNlpJars(config.libDir, config.version, progress);
  const runDir = await mkdtemp(join(tmpdir(), 'corenlp-run-'));
  const blockListFile = join(runDir, 'blocklist.txt');
  await writeFile(blockListFile, blockListText(), { mode: 0o600 });
  const serverPropertiesFile = join(runDir, 'server.properties');
  await writeFile(serverPropertiesFile, serverPropertiesText(ANNOTATE_PROPERTIES));
  const logFile = join(runDir, 'server.log');
  const port = await freePort();
  const credentials = randomCredentials();
  const args = serverArgs({
    jarsDir,
    port,
    heap: config.heap,
    timeoutMs: config.timeoutMs,
    blockListFile,
    credentials,
    serverId: `sanctuary-graph-${process.pid}-${port}`,
    serverPropertiesFile,
    preload: ANNOTATE_PROPERTIES.annotators!,
  });

  progress.info(`Starting Stanford CoreNLP ${config.version} on 127.0.0.1:${port} (heap ${config.heap})…`);
  const log = openSync(logFile, 'a');
  // Its own process group: a Ctrl-C reaches the launcher, which stops the server in order.
  const jvm = spawn('java', args, { stdio: ['ignore', log, log], detached: true });
  closeSync(log);
  const pid = jvm.pid;
  if (pid === undefined) {
    await rm(runDir, { recursive: true, force: true });
    throw new CoreNlpError('start', 'java', 'Could not start java for CoreNLP');
  }
  let exitCode: number | null = null;
  jvm.once('exit', (code) => (exitCode = code ?? -1));
  const watchdog = startWatchdog(pid, 'corenlp-watchdog');

  let stopping: Promise<void> | null = null;
  const server: LocalCoreNlp = {
    url: `http://127.0.0.1:${port}`,
    credentials,
    pid,
    logFile,
    stop: () =>
      (stopping ??= (async () => {
        watchdog.kill('SIGKILL');
        if (alive(pid)) await terminate(pid, STOP_GRACE_MS);
        await rm(runDir, { recursive: true, force: true });
      })()),
  };
  try {
    await waitForReady(server, () => exitCode, config.startTimeoutMs, progress);
    await checkAuthRequired(server);
  } catch (err) {
    await server.stop();
    throw err;
  }
  progress.info(`CoreNLP is up at ${server.url}, models loaded, in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return server;
}
