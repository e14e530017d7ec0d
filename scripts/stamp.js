// Source stamps for the build: a hash of every input file of a step, kept beside the step's output, so that a
// start builds only what changed. A hash rather than mtimes: a fresh clone or a `git checkout` resets mtimes,
// and a stamp must differ whenever a byte of an input does (including a file added, removed or renamed).
'use strict';
const { createHash } = require('node:crypto');
const { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } = require('node:fs');
const { dirname, join, sep } = require('node:path');

/** Every file under the given paths (files or folders, relative to root), sorted, skipping `exclude`d names. */
function inputFiles(root, paths, exclude = []) {
  const walk = (path) => {
    const full = join(root, path);
    if (!existsSync(full)) return [];
    if (!statSync(full).isDirectory()) return [path];
    return readdirSync(full)
      .filter((name) => !exclude.includes(name))
      .flatMap((name) => walk(join(path, name)));
  };
  // Sorted on the '/'-separated path so that the digest does not depend on the platform or readdir order.
  return paths
    .flatMap(walk)
    .map((p) => p.split(sep).join('/'))
    .sort();
}

/** The hex digest of the inputs: each file's relative path and bytes, so a rename changes it too. */
function sourceHash(root, paths, exclude = []) {
  const hash = createHash('sha256');
  for (const file of inputFiles(root, paths, exclude)) {
    const bytes = readFileSync(join(root, file));
    // Lengths delimit the fields, so moving bytes from one file to the next cannot keep the digest.
    hash.update(`${file}\0${bytes.length}\0`).update(bytes);
  }
  return hash.digest('hex');
}

/**
 * The stamp a step would have now: the digest of its configured inputs plus the files the last build also
 * read (`extra`, e.g. a module outside the configured folders that the program imports). A new dependency can
 * only appear through a change to a file already hashed, so the extras of the last build are enough.
 */
function currentStamp(root, paths, extra = [], exclude = []) {
  const all = [...new Set([...paths, ...extra])];
  return { digest: sourceHash(root, all, exclude), extra: [...extra].sort() };
}

/** The recorded stamp, or null when there is none or it is unreadable (e.g. dist/ was deleted). */
function readStamp(stampFile) {
  try {
    const stamp = JSON.parse(readFileSync(stampFile, 'utf8'));
    return typeof stamp.digest === 'string' && Array.isArray(stamp.extra) ? stamp : null;
  } catch {
    return null;
  }
}

/** True when the step's inputs hash to what its last successful build recorded. */
function isFresh(root, stampFile, paths, exclude = []) {
  const recorded = readStamp(stampFile);
  if (!recorded) return false;
  return currentStamp(root, paths, recorded.extra, exclude).digest === recorded.digest;
}

/** Records the stamp of a build that succeeded. */
function writeStamp(stampFile, stamp) {
  mkdirSync(dirname(stampFile), { recursive: true });
  writeFileSync(stampFile, JSON.stringify(stamp));
}

module.exports = { inputFiles, sourceHash, currentStamp, readStamp, isFresh, writeStamp };
