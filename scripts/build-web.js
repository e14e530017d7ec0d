#!/usr/bin/env node
// Builds the browser pages (web/ → dist/web) only when their sources changed since the last build, so
// `npm start` stays quick after the first run. `--force` rebuilds regardless.
'use strict';
const { execFileSync } = require('node:child_process');
const { join } = require('node:path');
const { currentStamp, isFresh, writeStamp } = require('./stamp');

const root = join(__dirname, '..');
const stampFile = join(root, 'dist', 'web', '.sources-stamp.json');
// web/ holds the pages, their tsconfig and vite.config.mts; the examples are bundled; the lock pins vite.
const inputs = ['web', join('schema', 'examples'), 'package.json', 'package-lock.json'];

/** Type-checks and bundles the pages unless their inputs match the last build's stamp; true if it built. */
function buildWeb({ force = false } = {}) {
  if (!force && isFresh(root, stampFile, inputs)) return false;
  // Hashed before building, so an edit made during the build is seen as a change by the next one.
  const stamp = currentStamp(root, inputs);
  console.error('Building the web pages (GraphiQL, /explore) with vite…');
  const bin = (name) => join(root, 'node_modules', '.bin', name);
  execFileSync(bin('tsc'), ['-p', 'web/tsconfig.json'], { cwd: root, stdio: 'inherit' });
  execFileSync(bin('vite'), ['build', '--config', 'web/vite.config.mts', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  writeStamp(stampFile, stamp);
  return true;
}

module.exports = { buildWeb };

if (require.main === module) {
  try {
    buildWeb({ force: process.argv.includes('--force') });
  } catch {
    // tsc and vite have printed their errors already.
    process.exit(1);
  }
}
