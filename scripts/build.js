#!/usr/bin/env node
// The build behind `npm run build` and `npm start`: the service (tsc → dist/) and the browser pages
// (scripts/build-web.js), each skipped when its inputs hash to the stamp of its last successful build. Even an
// incremental tsc spends seconds loading the program to find that nothing changed; hashing the sources takes
// tens of milliseconds. `--force` rebuilds both.
'use strict';
const { execFileSync } = require('node:child_process');
const { existsSync, rmSync } = require('node:fs');
const { isAbsolute, join, relative, sep } = require('node:path');
const { currentStamp, isFresh, sourceHash, writeStamp } = require('./stamp');
const { buildWeb } = require('./build-web');

const root = join(__dirname, '..');
const stampFile = join(root, 'dist', '.tsc-stamp.json');
// tsconfig.build.json's include, the compiler options, and the lock (a dependency's types can break the build).
const inputs = ['src', 'ingest', 'bench', 'tsconfig.json', 'tsconfig.build.json', 'package.json', 'package-lock.json'];
// An output a later step runs; if it is gone (dist/ partly deleted), the stamp is not trusted.
const entry = join(root, 'dist', 'src', 'main.js');

/** The project files (outside node_modules and the hashed inputs) that tsc listed as part of the program. */
function extraFiles(listing) {
  return listing
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => isAbsolute(line) && existsSync(line))
    .map((file) => relative(root, file).split(sep).join('/'))
    .filter((file) => !file.startsWith('..') && !file.startsWith('node_modules/'))
    .filter((file) => !inputs.some((input) => file === input || file.startsWith(`${input}/`)));
}

/** Compiles the service unless its sources match the last build's stamp; true if it compiled. */
function buildService({ force = false } = {}) {
  if (!force && existsSync(entry) && isFresh(root, stampFile, inputs)) return false;
  // Hashed again after compiling: a source edited during the compile must not be stamped as built.
  const before = sourceHash(root, inputs);
  // tsc emits even when it reports errors: drop the old stamp first, so that reverting the edit after a failed
  // compile cannot match it while dist/ holds the failed compile's output.
  rmSync(stampFile, { force: true });
  let listing;
  try {
    // --listFiles names every file of the program, so that files imported from outside `inputs`
    // (tests/support/…) are hashed too.
    listing = execFileSync(join(root, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.build.json', '--listFiles'], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (err) {
    // tsc prints its diagnostics on stdout, among the listed files: show the diagnostics only.
    const out = String(err.stdout ?? '');
    process.stdout.write(
      out
        .split('\n')
        .filter((line) => !isAbsolute(line.trim()))
        .join('\n'),
    );
    throw new Error('tsc -p tsconfig.build.json failed (errors above)');
  }
  if (sourceHash(root, inputs) === before) writeStamp(stampFile, currentStamp(root, inputs, extraFiles(listing)));
  return true;
}

if (require.main === module) {
  const force = process.argv.includes('--force');
  try {
    buildService({ force });
    buildWeb({ force });
  } catch (err) {
    process.stderr.write(`Build failed: ${err.message}\n`);
    process.exit(1);
  }
}

module.exports = { buildService, extraFiles };
