import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, openSync, closeSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import type { LocalNeo4jConfig } from '../core/config';
import { portFree } from '../core/ports';
import { alive, javaMajorVersion, startWatchdog, terminate as terminateProcess } from '../core/processes';
import type { Progress } from '../core/progress';
import { ensureNeo4jJars } from './jars';

export { alive };

/** A running embedded Neo4j: where to reach it, and how to stop it. */
export interface LocalNeo4j {
  uri: string;
  user: string;
  password: string;
  pid: number;
  /** Stops the server cleanly (SIGTERM, then SIGKILL after a grace period). Safe to call twice. */
  stop(): Promise<void>;
}

const USER = 'neo4j';
const BOLT_TIMEOUT_MS = 180_000;
const STOP_GRACE_MS = 30_000;

interface Credentials {
  user: string;
  password: string;
}

function neo4jConf(home: string, config: LocalNeo4jConfig): string {
  return [
    '# Written by the launcher at every start; edit the NEO4J_LOCAL_* variables instead.',
    `server.directories.data=${join(home, 'data')}`,
    `server.directories.logs=${join(home, 'logs')}`,
    `server.directories.run=${join(home, 'run')}`,
    `server.directories.plugins=${join(home, 'plugins')}`,
    `server.directories.import=${join(home, 'import')}`,
    'server.default_listen_address=127.0.0.1',
    `server.bolt.listen_address=127.0.0.1:${config.boltPort}`,
    `server.http.listen_address=127.0.0.1:${config.httpPort}`,
    'server.https.enabled=false',
    'dbms.security.auth_enabled=true',
    'dbms.usage_report.enabled=false',
    `server.memory.heap.initial_size=${config.heap}`,
    `server.memory.heap.max_size=${config.heap}`,
    `server.memory.pagecache.size=${config.pageCache}`,
    'db.transaction.timeout=60s',
    '',
  ].join('\n');
}

function javaOk(): void {
  const major = javaMajorVersion();
  if (major === null) {
    throw new Error('Java is not on PATH: install Java 17 or 21, or set NEO4J_URI to use an existing Neo4j');
  }
  if (major < 17) throw new Error(`Neo4j 5 needs Java 17 or later; java -version says ${major || 'unknown'}`);
}

/** True when pid is a JVM started for this home, so a recycled pid is never killed by mistake. */
function isOurServer(pid: number, home: string): boolean {
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return cmdline.includes('CommunityEntryPoint') && cmdline.includes(`--home-dir=${home}`);
  } catch {
    return false;
  }
}

const terminate = (pid: number): Promise<void> => terminateProcess(pid, STOP_GRACE_MS);

/** A server left running by a launcher that was killed (kill -9) is stopped before a new one starts. */
async function stopLeftover(home: string, progress: Progress): Promise<void> {
  const pidFile = join(home, 'run', 'launcher.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, 'utf8')).trim());
  if (Number.isInteger(pid) && pid > 0 && alive(pid) && isOurServer(pid, home)) {
    progress.info(`A Neo4j from an earlier run (pid ${pid}) is still running on ${home}; stopping it first…`);
    await terminate(pid);
  }
  await rm(pidFile, { force: true });
}

async function credentialsFor(
  home: string,
  lib: string,
  wanted: string | undefined,
  progress: Progress,
): Promise<Credentials> {
  const file = join(home, 'credentials.json');
  if (existsSync(file)) {
    const stored = JSON.parse(await readFile(file, 'utf8')) as Credentials;
    if (wanted && wanted !== stored.password) {
      throw new Error(
        `The local database in ${home} was created with another password than NEO4J_PASSWORD. ` +
          `Unset NEO4J_PASSWORD to use the stored one (${file}), or delete ${home} to start afresh.`,
      );
    }
    return stored;
  }
  // base64url can begin with "-"; the "--" below keeps neo4j-admin from reading such a password as an option.
  const password = wanted ?? randomBytes(18).toString('base64url');
  progress.info('Setting the initial password of the new local database…');
  const result = spawnSync(
    'java',
    ['-cp', `${lib}/*`, 'org.neo4j.cli.AdminTool', 'dbms', 'set-initial-password', '--', password],
    { env: { ...process.env, NEO4J_HOME: home, NEO4J_CONF: join(home, 'conf') }, encoding: 'utf8' },
  );
  if (result.status !== 0) {
    throw new Error(`neo4j-admin set-initial-password failed: ${result.stderr || result.stdout}`);
  }
  const credentials = { user: USER, password };
  await writeFile(file, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
  return credentials;
}

function tail(file: string, lines: number): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

async function waitForBolt(
  uri: string,
  credentials: Credentials,
  jvm: ChildProcess,
  home: string,
  progress: Progress,
): Promise<void> {
  const started = Date.now();
  let lastNote = started;
  let exited: number | null = null;
  jvm.once('exit', (code) => {
    exited = code ?? -1;
  });
  const driver = neo4j.driver(uri, neo4j.auth.basic(credentials.user, credentials.password), {
    connectionTimeout: 2_000,
    maxConnectionPoolSize: 1,
  });
  try {
    for (;;) {
      if (exited !== null) {
        throw new Error(
          `Neo4j exited with code ${exited} before accepting connections. ${join(home, 'logs')} says:\n` +
            `${tail(join(home, 'logs', 'console.log'), 25)}`,
        );
      }
      try {
        await driver.getServerInfo();
        return;
      } catch (err) {
        const code = (err as { code?: string }).code ?? '';
        if (code.startsWith('Neo.ClientError.Security')) throw err;
      }
      if (Date.now() - started > BOLT_TIMEOUT_MS) {
        throw new Error(`Neo4j did not accept Bolt connections on ${uri} within ${BOLT_TIMEOUT_MS / 1000} s`);
      }
      if (Date.now() - lastNote > 5_000) {
        progress.info(`  …waiting for Bolt on ${uri} (${Math.round((Date.now() - started) / 1000)} s)`);
        lastNote = Date.now();
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  } finally {
    await driver.close();
  }
}

/**
 * Starts a real Neo4j Community server from Maven Central jars, on 127.0.0.1 only, with its data in
 * config.home. Resolves the jars and sets the password on first use; reuses both afterwards.
 */
export async function startLocalNeo4j(
  config: LocalNeo4jConfig,
  options: { password?: string; progress: Progress },
): Promise<LocalNeo4j> {
  const { progress } = options;
  const started = Date.now();
  javaOk();
  const lib = await ensureNeo4jJars(config.libDir, config.version, progress);
  const home = config.home;
  for (const dir of ['conf', 'data', 'logs', 'run', 'plugins', 'import']) {
    await mkdir(join(home, dir), { recursive: true });
  }
  await writeFile(join(home, 'conf', 'neo4j.conf'), neo4jConf(home, config));
  await stopLeftover(home, progress);
  const credentials = await credentialsFor(home, lib, options.password, progress);

  for (const [name, port] of [
    ['NEO4J_LOCAL_BOLT_PORT', config.boltPort],
    ['NEO4J_LOCAL_HTTP_PORT', config.httpPort],
  ] as const) {
    if (!(await portFree(port))) {
      throw new Error(`Port ${port} on 127.0.0.1 is already in use: set ${name} to a free port, or stop what holds it`);
    }
  }

  progress.info(`Starting Neo4j ${config.version} (heap ${config.heap}, data in ${home})…`);
  const consoleLog = openSync(join(home, 'logs', 'console.log'), 'a');
  const jvm = spawn(
    'java',
    [
      `-Xms${config.heap}`,
      `-Xmx${config.heap}`,
      '-XX:+UseG1GC',
      '-XX:+ExitOnOutOfMemoryError',
      '-cp',
      `${lib}/*`,
      'org.neo4j.server.CommunityEntryPoint',
      `--home-dir=${home}`,
      `--config-dir=${join(home, 'conf')}`,
    ],
    // Its own process group: a Ctrl-C in the terminal reaches the service, which then stops Neo4j in order.
    { stdio: ['ignore', consoleLog, consoleLog], detached: true, env: { ...process.env, NEO4J_HOME: home } },
  );
  closeSync(consoleLog);
  const pid = jvm.pid;
  if (pid === undefined) throw new Error('Could not start java');
  await writeFile(join(home, 'run', 'launcher.pid'), `${pid}\n`);
  const watchdog = startWatchdog(pid, 'neo4j-watchdog');

  let stopping: Promise<void> | null = null;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      watchdog.kill('SIGKILL');
      await terminate(pid);
      await rm(join(home, 'run', 'launcher.pid'), { force: true });
    })();
    return stopping;
  };

  const uri = `bolt://127.0.0.1:${config.boltPort}`;
  progress.info(`Waiting for Bolt on ${uri}…`);
  try {
    await waitForBolt(uri, credentials, jvm, home, progress);
  } catch (err) {
    await stop();
    throw err;
  }
  progress.info(`Neo4j is up at ${uri} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { uri, user: credentials.user, password: credentials.password, pid, stop };
}
