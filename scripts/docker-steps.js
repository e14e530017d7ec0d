#!/usr/bin/env node
// Runs the Dockerfile's steps without Docker, for machines (and CI) that have no Docker engine. It reads the
// Dockerfile itself, so it cannot drift from it: the build context is the repository's files less what
// .dockerignore leaves out; each stage gets a temp folder standing for its file system; COPY copies, RUN runs
// with `sh -c` in WORKDIR. The final stage's CMD then runs against a closed port: it must fail with the
// service's own "Could not start" message, which proves the pruned production tree loads every module the
// service needs and fails only for want of a database. `--keep` keeps the temp folders.
// What it cannot show: the base image's own contents (this host's Node, npm and sh stand in), USER and --chown.
'use strict';
const { execFileSync, spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const http = require('node:http');
const os = require('node:os');
const { join, posix } = require('node:path');
const vm = require('node:vm');
const { isExcluded, parseDockerfile, parseDockerignore } = require('./dockerfile');

const root = join(__dirname, '..');
const keep = process.argv.includes('--keep');
// src/main.ts writes this before exiting when the service cannot start (here: no database).
const START_FAILURE = 'Could not start';
const START_TIMEOUT_MS = 60_000;
const PLACEHOLDER_PASSWORD = 'docker-steps-placeholder';
// The host variables a build step may see: tools, locale, and how this machine reaches the npm registry.
const HOST_ENV =
  /^(PATH|HOME|TMPDIR|LANG|LC_[A-Z]+|TZ|SSL_CERT_FILE|NODE_EXTRA_CA_CERTS|NPM_CONFIG_\w+|(https?|no)_proxy)$/i;

/** This host's PATH without node_modules/.bin folders, which `npm run` puts first and no image has. */
const hostPath = () =>
  (process.env.PATH ?? '')
    .split(':')
    .filter((dir) => !dir.includes('node_modules/.bin'))
    .join(':');

/** A failure of one Dockerfile instruction, reported with its line. */
class StepError extends Error {}
const fail = (instruction, message) => {
  throw new StepError(`Dockerfile:${instruction.line} (${instruction.keyword}): ${message}`);
};
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
const say = (text) => process.stdout.write(`${text}\n`);

/** The build context: tracked and untracked-but-not-ignored files, less what .dockerignore excludes. */
function buildContext() {
  const rules = parseDockerignore(fs.readFileSync(join(root, '.dockerignore'), 'utf8'));
  const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root })
    .toString('utf8')
    .split('\0')
    .filter((path) => path !== '' && fs.existsSync(join(root, path))); // a deleted file stays listed until committed
  const files = [...new Set(listed)].filter((path) => !isExcluded(path, rules)).sort();
  say(`context: ${files.length} files (${listed.length - files.length} left out by .dockerignore)`);
  return files;
}

/** Copies one file or symlink as COPY does: symlinks stay symlinks. */
function copyEntry(from, to) {
  fs.mkdirSync(posix.dirname(to), { recursive: true });
  if (fs.lstatSync(from).isSymbolicLink()) fs.symlinkSync(fs.readlinkSync(from), to);
  else fs.copyFileSync(from, to);
}

/** Where a single source lands: inside dest when dest is a folder (trailing "/" or existing), else at dest. */
function fileTarget(hostDest, dest, source) {
  const intoFolder = dest.endsWith('/') || (fs.existsSync(hostDest) && fs.statSync(hostDest).isDirectory());
  return intoFolder ? join(hostDest, posix.basename(source)) : hostDest;
}

/** COPY from the build context. */
function copyFromContext(instruction, context, hostDest) {
  for (const source of instruction.sources) {
    const path = posix.normalize(source).replace(/^\/+/, '').replace(/\/+$/, '');
    const whole = path === '.' || path === '';
    const under = context.filter((file) => whole || file.startsWith(`${path}/`));
    if (!whole && context.includes(path)) {
      copyEntry(join(root, path), fileTarget(hostDest, instruction.dest, path));
    } else if (under.length > 0) {
      for (const file of under) copyEntry(join(root, file), join(hostDest, whole ? file : file.slice(path.length + 1)));
    } else {
      fail(instruction, `"${source}" is not in the build context (missing, or left out by .dockerignore)`);
    }
  }
}

/** COPY --from=<stage>: sources are paths in that stage's file system. */
function copyFromStage(instruction, from, hostDest) {
  for (const source of instruction.sources) {
    const hostSource = join(from.rootfs, posix.resolve('/', source));
    if (!fs.existsSync(hostSource)) fail(instruction, `${source} does not exist in stage "${from.name}"`);
    if (fs.statSync(hostSource).isDirectory()) {
      fs.cpSync(hostSource, hostDest, { recursive: true, verbatimSymlinks: true });
    } else {
      copyEntry(hostSource, fileTarget(hostDest, instruction.dest, source));
    }
  }
}

/** Warns when this host's Node is not the major version the stage's node:<major> image has. */
function checkNodeVersion(stage) {
  const wanted = /^(?:docker\.io\/)?(?:library\/)?node:(\d+)/.exec(stage.image)?.[1];
  const running = process.versions.node.split('.')[0];
  if (wanted === undefined) say(`  warning: ${stage.image} is not a node image; this host's tools stand in for it`);
  else if (wanted !== running)
    say(`  warning: the image has Node ${wanted}, this host runs Node ${process.versions.node}`);
}

/** Carries out one stage's instructions in its own temp folder; returns what the next stages need. */
function runStage(stage, stages, context, tmp) {
  const state = { name: stage.name, rootfs: join(tmp, stage.name), workdir: '/', env: {}, cmd: null, health: null };
  fs.mkdirSync(state.rootfs, { recursive: true });
  const host = (path) => join(state.rootfs, posix.resolve(state.workdir, path));
  stage.instructions.forEach((instruction, i) => {
    const started = Date.now();
    say(`[${stage.name} ${i + 1}/${stage.instructions.length}] ${instruction.original}`);
    const unknownFlags = Object.keys(instruction.flags).filter((flag) => !['from', 'chown', 'chmod'].includes(flag));
    if (instruction.keyword !== 'HEALTHCHECK' && unknownFlags.length > 0)
      fail(instruction, `unsupported flag --${unknownFlags[0]}`);
    switch (instruction.keyword) {
      case 'FROM':
        checkNodeVersion(stage);
        break;
      case 'WORKDIR':
        if (instruction.text.includes('$')) fail(instruction, 'variables in WORKDIR are not supported');
        state.workdir = posix.resolve(state.workdir, instruction.text);
        fs.mkdirSync(host('.'), { recursive: true });
        break;
      case 'ENV':
        Object.assign(state.env, Object.fromEntries(instruction.env));
        break;
      case 'COPY': {
        const from = instruction.flags.from;
        if (from === undefined) copyFromContext(instruction, context, host(instruction.dest));
        else if (stages.has(from)) copyFromStage(instruction, stages.get(from), host(instruction.dest));
        else fail(instruction, `--from=${from} names no earlier stage (images are not emulated)`);
        break;
      }
      case 'RUN': {
        const [file, ...args] = instruction.exec ?? ['sh', '-c', instruction.text];
        const hostEnv = Object.entries(process.env).filter(([name]) => HOST_ENV.test(name));
        const env = { ...Object.fromEntries(hostEnv), PATH: hostPath(), ...state.env };
        const run = spawnSync(file, args, { cwd: host('.'), env, stdio: ['ignore', 'inherit', 'inherit'] });
        if (run.error) fail(instruction, run.error.message);
        if (run.status !== 0) fail(instruction, `exited with ${run.status ?? run.signal} after ${seconds(started)}`);
        say(`  done in ${seconds(started)}`);
        break;
      }
      case 'CMD':
        state.cmd = instruction;
        break;
      case 'HEALTHCHECK':
        state.health = instruction;
        break;
      case 'USER':
      case 'EXPOSE':
      case 'LABEL':
        say('  (not emulated: it changes nothing the steps here can check)');
        break;
      default:
        fail(instruction, 'not emulated by scripts/docker-steps.js: extend it before using this instruction');
    }
  });
  return state;
}

/** A port on 127.0.0.1 that nothing listens on (it was free a moment ago). */
function closedPort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Runs a command to its end or a timeout; resolves { code, stderr, timedOut }. */
function runCaptured([file, ...args], options, timeoutMs) {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { ...options, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('error', reject);
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, stderr, timedOut: signal === 'SIGKILL' });
    });
  });
}

const indent = (text) => text.trimEnd().replace(/^/gm, '    ');
const commandOf = (instruction) => instruction.exec ?? ['sh', '-c', instruction.command ?? instruction.text];

/** Starts the final stage's CMD with no database to reach; it must fail, and for that reason only. */
async function checkStart(final) {
  if (!final.cmd) throw new StepError(`stage "${final.name}" has no CMD`);
  const started = Date.now();
  const dbPort = await closedPort();
  // Listen on loopback, on a port of our own: this machine's traffic stays on 127.0.0.1.
  const overrides = {
    HOST: '127.0.0.1',
    PORT: String(await closedPort()),
    NEO4J_URI: `bolt://127.0.0.1:${dbPort}`,
    NEO4J_PASSWORD: PLACEHOLDER_PASSWORD,
  };
  const env = { PATH: hostPath(), HOME: join(final.rootfs, 'home'), ...final.env, ...overrides };
  say(`[${final.name}] CMD ${JSON.stringify(commandOf(final.cmd))} with NEO4J_URI=${overrides.NEO4J_URI} (closed)`);
  const run = await runCaptured(
    commandOf(final.cmd),
    { cwd: join(final.rootfs, final.workdir), env },
    START_TIMEOUT_MS,
  );
  const where = `Dockerfile:${final.cmd.line} (CMD)`;
  if (run.timedOut) throw new StepError(`${where}: still running after ${START_TIMEOUT_MS / 1000} s`);
  if (run.code === 0) throw new StepError(`${where}: exited 0 without a database`);
  if (!run.stderr.includes(START_FAILURE) || /Cannot find module|MODULE_NOT_FOUND/.test(run.stderr)) {
    throw new StepError(
      `${where}: exited ${run.code} without the service's "${START_FAILURE}" message:\n${indent(run.stderr)}`,
    );
  }
  say(`${indent(run.stderr)}\n  exited ${run.code} in ${seconds(started)}, as expected`);
}

/** The HEALTHCHECK: its `node -e` text compiles, it fails on a closed port and passes on a 200 from /healthz. */
async function checkHealth(final) {
  const check = final.health;
  if (!check || check.command === null) return say('no HEALTHCHECK');
  const where = `Dockerfile:${check.line} (HEALTHCHECK)`;
  const command = commandOf(check);
  const script = command[0] === 'node' ? command[command.indexOf('-e') + 1] : undefined;
  if (script !== undefined) {
    try {
      new vm.Script(script, { filename: 'HEALTHCHECK' });
    } catch (err) {
      throw new StepError(`${where}: the node -e text does not compile: ${err.message}`);
    }
  }
  const timeoutMs = 1000 * Number(/^(\d+)s$/.exec(check.flags.timeout ?? '30s')?.[1] ?? 30);
  const run = async (port) => {
    const env = { PATH: hostPath(), ...final.env, PORT: String(port) };
    return runCaptured(command, { cwd: join(final.rootfs, final.workdir), env }, timeoutMs);
  };
  const down = await run(await closedPort());
  if (down.code !== 1 || down.stderr !== '') {
    throw new StepError(
      `${where}: with nothing listening it must exit 1 quietly, got ${down.timedOut ? 'a timeout' : down.code}\n${indent(down.stderr)}`,
    );
  }
  const paths = [];
  const stub = http.createServer((req, res) => {
    paths.push(req.url);
    res.writeHead(req.url === '/healthz' ? 200 : 404).end();
  });
  await new Promise((resolve) => stub.listen(0, '127.0.0.1', resolve));
  const up = await run(stub.address().port).finally(() => stub.close());
  if (up.code !== 0 || !paths.includes('/healthz')) {
    throw new StepError(
      `${where}: against a server answering 200 on /healthz it must exit 0, got ${up.code} after requests ${JSON.stringify(paths)}`,
    );
  }
  say(`[${final.name}] HEALTHCHECK compiles, exits 1 with nothing listening and 0 on a 200 from /healthz`);
}

async function main() {
  const started = Date.now();
  const stages = parseDockerfile(fs.readFileSync(join(root, 'Dockerfile'), 'utf8'));
  const context = buildContext();
  const tmp = fs.mkdtempSync(join(os.tmpdir(), 'docker-steps-'));
  try {
    const done = new Map();
    let final = null;
    for (const stage of stages) {
      final = runStage(stage, done, context, tmp);
      done.set(stage.name, final).set(String(stage.index), final);
    }
    await checkStart(final);
    await checkHealth(final);
    say(
      `docker-steps: OK, ${stages.length} stages of the Dockerfile emulated and the service started as far as the database in ${seconds(started)}`,
    );
  } finally {
    if (keep) say(`kept ${tmp}`);
    else fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((err) => {
  process.stderr.write(`docker-steps: FAILED: ${err instanceof StepError ? err.message : err.stack}\n`);
  process.exit(1);
});
