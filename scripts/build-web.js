#!/usr/bin/env node
// Builds the browser pages (web/ → dist/web) only when their sources changed since the last build, so
// `npm start` stays quick after the first run. `--force` rebuilds regardless.
'use strict';
const { createHash } = require('node:crypto');
const { execFileSync } = require('node:child_process');
const { existsSync, readdirSync, readFileSync, statSync, writeFileSync } = require('node:fs');
const { join, relative } = require('node:path');

const root = join(__dirname, '..');
const stamp = join(root, 'dist', 'web', '.sources-hash');
const inputs = ['web', join('schema', 'examples'), 'package-lock.json'];

function files(path) {
  const full = join(root, path);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [full];
  return readdirSync(full).flatMap((name) => files(join(path, name)));
}

const hash = createHash('sha256');
for (const file of inputs.flatMap(files).sort()) {
  hash.update(relative(root, file)).update(readFileSync(file));
}
const digest = hash.digest('hex');
if (!process.argv.includes('--force') && existsSync(stamp) && readFileSync(stamp, 'utf8') === digest) {
  process.exit(0);
}
console.error('Building the web pages (GraphiQL, /explore) with vite…');
const bin = (name) => join(root, 'node_modules', '.bin', name);
execFileSync(bin('tsc'), ['-p', 'web/tsconfig.json'], { cwd: root, stdio: 'inherit' });
execFileSync(bin('vite'), ['build', '--config', 'web/vite.config.mts', '--logLevel', 'warn'], {
  cwd: root,
  stdio: 'inherit',
});
writeFileSync(stamp, digest);
