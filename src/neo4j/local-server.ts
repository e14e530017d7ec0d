import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, openSync, closeSync, readFileSync } from 'node:fs';
import { chmod, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import type { LocalNeo4jConfig } from '../core/config';
import { portFree } from '../core/ports';
import { type JavaVersion, javaVersion, terminate as terminateProcess } from '../core/processes';
import type { Progress } from '../core/progress';
import { archiveMapped, archivePath, dropPartialArchives, planClassData, promoteArchives } from './class-data';
import { ensureNeo4jJars } from './jars';
import {
  addLease,
  alive,
  clearServerState,
  liveLeaseHolders,
  readServerState,
  removeLease,
  runPaths,
  withHomeLock,
  writeServerState,
} from './lease';

export { alive } from './lease';

/** A running embedded Neo4j: where to reach it, and how to stop it. */
export interface LocalNeo4j {
  uri: string;
  user: string;
  password: string;
  pid: number;
  /** True when the server was already running (started by another process) and this one attached to it. */
  attached: boolean;
  /** Its HTTP port, or null when it was started without the HTTP connector. */
  httpPort: number | null;
  /**
   * Leaves the server: stops it cleanly (SIGTERM, then SIGKILL after a grace period) when no other live
   * process holds a lease on it, else leaves it running for them. Safe to call twice.
   */
  stop(): Promise<void>;
}

const USER = 'neo4j';
const BOLT_TIMEOUT_MS = 180_000;
const STOP_GRACE_MS = 30_000;

interface Credentials {
  user: string;
  password: string;
}

function neo4jConf(home: string, config: LocalNeo4jConfig, http: boolean): string {
  return [
    '# Written by the launcher at every start; edit the NEO4J_LOCAL_* variables instead.',
    `server.directories.data=${join(home, 'data')}`,
    `server.directories.logs=${join(home, 'logs')}`,
    `server.directories.run=${join(home, 'run')}`,
    `server.directories.plugins=${join(home, 'plugins')}`,
    `server.directories.import=${join(home, 'import')}`,
    'server.default_listen_address=127.0.0.1',
    `server.bolt.listen_address=127.0.0.1:${config.boltPort}`,
    // Off unless asked for (npm run neo4j): the service and the CLIs speak Bolt only, and starting the HTTP
    // connector's web server took 3 s of a loaded machine's start, competing with the first queries.
    `server.http.enabled=${http}`,
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

/**
 * The environment of Neo4j's admin tool (org.neo4j.cli.AdminTool) on a home: the process's own (PATH,
 * JAVA_HOME), with the home and its conf folder, which the tool reads instead of command-line flags.
 */
export function adminToolEnv(home: string): NodeJS.ProcessEnv {
  return { ...process.env, NEO4J_HOME: home, NEO4J_CONF: join(home, 'conf') };
}

let javaFound: JavaVersion | null = null;

/** The java on PATH, checked to be 17 or later; asked once per process (a JVM start costs time). */
function javaOk(): JavaVersion {
  javaFound ??= javaVersion();
  if (javaFound === null) {
    throw new Error('Java is not on PATH: install Java 17 or 21, or set NEO4J_URI to use an existing Neo4j');
  }
  const { major } = javaFound;
  if (major < 17) throw new Error(`Neo4j 5 needs Java 17 or later; java -version says ${major || 'unknown'}`);
  return javaFound;
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

/**
 * How long a JVM that writes its class-data archive at exit may take to stop: Neo4j's own shutdown, then the
 * dump of some 15,000 classes, measured at 30 s and more on a loaded machine; it happens once per archive key.
 */
const DUMP_STOP_GRACE_MS = 180_000;

const terminate = (pid: number, graceMs = STOP_GRACE_MS): Promise<boolean> => terminateProcess(pid, graceMs);

/**
 * Stops our JVM, then settles the class-data archive it may have written at exit: kept when it exited on
 * SIGTERM (the archive is whole), dropped when it had to be killed (an archive it only mapped stays).
 */
async function terminateServer(pid: number, home: string, writesClassData: boolean): Promise<void> {
  if (await terminate(pid, writesClassData ? DUMP_STOP_GRACE_MS : STOP_GRACE_MS)) await promoteArchives(home);
  else await dropPartialArchives(home);
}

/**
 * A server that nobody uses any more (its users were killed, watchdog included) is stopped before a new one
 * starts. Called under the home lock, with no live lease but the caller's.
 */
async function stopLeftover(home: string, pid: number | null, progress: Progress): Promise<void> {
  if (pid !== null && alive(pid) && isOurServer(pid, home)) {
    progress.info(`A Neo4j from an earlier run (pid ${pid}) is still running on ${home}; stopping it first…`);
    await terminate(pid);
  }
  await clearServerState(home);
}

async function recordedJvmPid(home: string): Promise<number | null> {
  const state = await readServerState(home);
  if (state) return state.jvmPid;
  try {
    const pid = Number((await readFile(runPaths(home).pid, 'utf8')).trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** The credentials kept in the home, checked against NEO4J_PASSWORD when that is set; null before the first start. */
async function storedCredentials(home: string, wanted: string | undefined): Promise<Credentials | null> {
  const file = join(home, 'credentials.json');
  if (!existsSync(file)) return null;
  // Owner-only, whatever an older launcher or a copy left: every process of this user reads it, nobody else.
  await chmod(file, 0o600);
  const stored = JSON.parse(await readFile(file, 'utf8')) as Credentials;
  if (wanted && wanted !== stored.password) {
    throw new Error(
      `The local database in ${home} was created with another password than NEO4J_PASSWORD. ` +
        `Unset NEO4J_PASSWORD to use the stored one (${file}), or delete ${home} to start afresh.`,
    );
  }
  return stored;
}

async function credentialsFor(
  home: string,
  lib: string,
  wanted: string | undefined,
  progress: Progress,
): Promise<Credentials> {
  const file = join(home, 'credentials.json');
  const stored = await storedCredentials(home, wanted);
  if (stored) return stored;
  // base64url can begin with "-"; the "--" below keeps neo4j-admin from reading such a password as an option.
  const password = wanted ?? randomBytes(18).toString('base64url');
  progress.info('Setting the initial password of the new local database…');
  const result = spawnSync(
    'java',
    ['-cp', `${lib}/*`, 'org.neo4j.cli.AdminTool', 'dbms', 'set-initial-password', '--', password],
    { env: adminToolEnv(home), encoding: 'utf8' },
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

/**
 * Watches the server's users from outside: once no process holding a lease in run/leases is alive (they
 * were killed, kill -9 included, without leaving), it takes the home lock, stops the JVM and clears the
 * state, so no orphan server outlives its last user. Detached, so it outlives the process that started it.
 */
function startLeaseWatchdog(jvmPid: number, home: string): ChildProcess {
  const script = [
    'jvm="$1"; run="$2"; lock="$run/launcher.lock"',
    'users() { for f in "$run"/leases/*; do [ -e "$f" ] || continue; p="${f##*/}"; p="${p%%-*}"; kill -0 "$p" 2>/dev/null && return 0; done; return 1; }',
    'while kill -0 "$jvm" 2>/dev/null; do',
    '  sleep 1',
    '  users && continue',
    '  ( set -C; echo "$$" > "$lock" ) 2>/dev/null || continue',
    '  if users; then rm -f "$lock"; continue; fi',
    '  kill -TERM "$jvm" 2>/dev/null; i=0',
    '  while kill -0 "$jvm" 2>/dev/null && [ $i -lt 60 ]; do sleep 0.5; i=$((i+1)); done',
    '  kill -KILL "$jvm" 2>/dev/null',
    '  rm -f "$run/launcher.pid" "$run/server.json" "$lock"; exit 0',
    'done',
  ].join('\n');
  const watchdog = spawn('/bin/sh', ['-c', script, 'neo4j-watchdog', String(jvmPid), runPaths(home).run], {
    stdio: 'ignore',
    detached: true,
  });
  watchdog.unref();
  return watchdog;
}

/** True when the server answers Bolt with these credentials. */
async function boltAnswers(uri: string, credentials: Credentials): Promise<boolean> {
  const driver = neo4j.driver(uri, neo4j.auth.basic(credentials.user, credentials.password), {
    connectionTimeout: 5_000,
    maxConnectionPoolSize: 1,
  });
  try {
    await driver.getServerInfo();
    return true;
  } catch {
    return false;
  } finally {
    await driver.close();
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

/** Leaves the server under the home lock; stops it when no other live process holds a lease. */
function leaver(
  home: string,
  pid: number,
  lease: string,
  progress: Progress,
  writesClassData: boolean,
): () => Promise<void> {
  let stopping: Promise<void> | null = null;
  return () => {
    stopping ??= withHomeLock(home, progress, async () => {
      await removeLease(lease);
      const others = liveLeaseHolders(home);
      if (others.length > 0 && alive(pid)) {
        progress.info(
          `Leaving Neo4j (pid ${pid}) running: pid ${others.join(', ')} still use${others.length > 1 ? '' : 's'} it.`,
        );
        return;
      }
      if (isOurServer(pid, home)) {
        if (writesClassData)
          progress.info('Neo4j writes its class-data archive as it stops (once, for faster starts)…');
        await terminateServer(pid, home, writesClassData);
      }
      await clearServerState(home);
    });
    return stopping;
  };
}

/**
 * The running server of this home when another live process uses it: its URI from run/server.json, its
 * credentials from credentials.json. Called under the home lock, so it is never half-started or stopping.
 */
async function attach(
  home: string,
  lease: string,
  password: string | undefined,
  progress: Progress,
): Promise<LocalNeo4j | null> {
  const state = await readServerState(home);
  if (!state || !alive(state.jvmPid) || !isOurServer(state.jvmPid, home)) return null;
  const users = liveLeaseHolders(home, [lease]);
  if (users.length === 0) return null;
  const credentials = await storedCredentials(home, password);
  if (!credentials) return null;
  if (!(await boltAnswers(state.uri, credentials))) {
    throw new Error(
      `The Neo4j on ${home} (pid ${state.jvmPid}, used by pid ${users.join(', ')}) does not answer on ${state.uri}; ` +
        `see ${join(home, 'logs', 'neo4j.log')}`,
    );
  }
  progress.info(
    `Using the Neo4j already running on ${home} (pid ${state.jvmPid}, started by pid ${state.startedBy}) at ${state.uri}`,
  );
  const stop = leaver(home, state.jvmPid, lease, progress, state.writesClassData ?? false);
  return { uri: state.uri, ...credentials, pid: state.jvmPid, attached: true, httpPort: state.httpPort, stop };
}

/**
 * Uses the real Neo4j Community server of config.home: attaches to it when another live process of this
 * project already runs it, else starts it from Maven Central jars, on 127.0.0.1 only. Resolves the jars and
 * sets the password on first use; reuses both afterwards. Either way this process holds a lease until stop().
 */
export async function startLocalNeo4j(
  config: LocalNeo4jConfig,
  options: {
    password?: string;
    progress: Progress;
    /** Called once the JVM is spawned, for work that can run while Neo4j boots; not called when attaching. */
    whileBooting?: () => void;
    /** Start the HTTP connector too (only when this call starts the server). */
    http?: boolean;
  },
): Promise<LocalNeo4j> {
  const { progress } = options;
  const home = config.home;
  await mkdir(join(home, 'run'), { recursive: true });
  return withHomeLock(home, progress, async () => {
    const lease = await addLease(home);
    try {
      return (
        (await attach(home, lease, options.password, progress)) ??
        (await startServer(config, lease, options.password, progress, options.whileBooting, options.http ?? false))
      );
    } catch (err) {
      await removeLease(lease);
      throw err;
    }
  });
}

/**
 * Makes the home ready for Neo4j's own programs (the server, neo4j-admin): Java checked, the jars resolved,
 * the folders made and conf/neo4j.conf written from the configuration. Returns the jars' folder.
 */
export async function prepareLocalHome(config: LocalNeo4jConfig, progress: Progress, http = false): Promise<string> {
  javaOk();
  const lib = await ensureNeo4jJars(config.libDir, config.version, progress);
  for (const dir of ['conf', 'data', 'logs', 'run', 'plugins', 'import']) {
    await mkdir(join(config.home, dir), { recursive: true });
  }
  await writeFile(join(config.home, 'conf', 'neo4j.conf'), neo4jConf(config.home, config, http));
  return lib;
}

async function startServer(
  config: LocalNeo4jConfig,
  lease: string,
  password: string | undefined,
  progress: Progress,
  whileBooting: (() => void) | undefined,
  http: boolean,
): Promise<LocalNeo4j> {
  const started = Date.now();
  const home = config.home;
  await stopLeftover(home, await recordedJvmPid(home), progress);
  const lib = await prepareLocalHome(config, progress, http);
  const credentials = await credentialsFor(home, lib, password, progress);
  // Null when NEO4J_LOCAL_CLASS_DATA=false: the JVM starts without an archive and writes none.
  const classData = config.classData
    ? await planClassData(await archivePath(home, lib, config.version, javaOk().runtime))
    : null;
  const writesClassData = classData !== null && !classData.uses;
  const archiveNote = classData === null ? 'off' : classData.uses ? 'mapped' : 'written at exit';

  const ports: [string, number][] = [['NEO4J_LOCAL_BOLT_PORT', config.boltPort]];
  if (http) ports.push(['NEO4J_LOCAL_HTTP_PORT', config.httpPort]);
  for (const [name, port] of ports) {
    if (!(await portFree(port))) {
      throw new Error(`Port ${port} on 127.0.0.1 is already in use: set ${name} to a free port, or stop what holds it`);
    }
  }

  progress.info(
    `Starting Neo4j ${config.version} (heap ${config.heap}, data in ${home}, class-data archive ${archiveNote})…`,
  );
  const consoleLog = openSync(join(home, 'logs', 'console.log'), 'a');
  const jvm = spawn(
    'java',
    [
      `-Xms${config.heap}`,
      `-Xmx${config.heap}`,
      '-XX:+UseG1GC',
      '-XX:+ExitOnOutOfMemoryError',
      ...(classData?.flags ?? []),
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
  const uri = `bolt://127.0.0.1:${config.boltPort}`;
  await writeServerState(home, {
    jvmPid: pid,
    uri,
    httpPort: http ? config.httpPort : null,
    version: config.version,
    startedBy: process.pid,
    startedAt: new Date().toISOString(),
    writesClassData,
  });
  startLeaseWatchdog(pid, home);
  whileBooting?.();

  progress.info(`Waiting for Bolt on ${uri}…`);
  try {
    await waitForBolt(uri, credentials, jvm, home, progress);
  } catch (err) {
    // Under the lock already: stop it directly, not through the leaver. An archive of a failed start is not kept.
    await terminate(pid);
    if (classData) await rm(`${classData.archive}.partial`, { force: true });
    await clearServerState(home);
    throw err;
  }
  if (classData?.uses && !(await archiveMapped(pid, classData.archive))) {
    progress.info(`Java refused the class-data archive ${classData.archive}: removed; the next start writes a new one`);
  }
  progress.info(`Neo4j is up at ${uri} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const stop = leaver(home, pid, lease, progress, writesClassData);
  const httpPort = http ? config.httpPort : null;
  return { uri, user: credentials.user, password: credentials.password, pid, attached: false, httpPort, stop };
}
