import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { currentStamp, inputFiles, isFresh, readStamp, sourceHash, writeStamp } from '../../../scripts/stamp';

/**
 * The build's stamps (scripts/stamp.js) decide whether `npm start` may skip tsc and vite: a stamp that failed
 * to change with a source would start a stale build, so every kind of change must change it.
 */

let root: string;
const inputs = ['src', 'tsconfig.json'];
const write = (path: string, text: string): void => {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
};

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'stamp-test-'));
  write('src/a.ts', 'export const a = 1;\n');
  write('src/deep/b.ts', 'export const b = 2;\n');
  write('tsconfig.json', '{}\n');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('sourceHash', () => {
  it('is the same for the same files', () => {
    expect(sourceHash(root, inputs)).toBe(sourceHash(root, inputs));
  });

  it('changes when a byte of a file changes', () => {
    const before = sourceHash(root, inputs);
    write('src/deep/b.ts', 'export const b = 3;\n');
    expect(sourceHash(root, inputs)).not.toBe(before);
  });

  it('changes when a file is added, removed or renamed', () => {
    const before = sourceHash(root, inputs);
    write('src/c.ts', '');
    const added = sourceHash(root, inputs);
    expect(added).not.toBe(before);
    rmSync(join(root, 'src/c.ts'));
    expect(sourceHash(root, inputs)).toBe(before);
    renameSync(join(root, 'src/a.ts'), join(root, 'src/a2.ts'));
    expect(sourceHash(root, inputs)).not.toBe(before);
  });

  it('changes when bytes move from one file to the next', () => {
    write('src/x.ts', 'ab');
    write('src/y.ts', 'c');
    const before = sourceHash(root, inputs);
    write('src/x.ts', 'a');
    write('src/y.ts', 'bc');
    expect(sourceHash(root, inputs)).not.toBe(before);
  });

  it('changes with a single input file such as the compiler options', () => {
    const before = sourceHash(root, inputs);
    write('tsconfig.json', '{"compilerOptions":{}}\n');
    expect(sourceHash(root, inputs)).not.toBe(before);
  });
});

describe('inputFiles', () => {
  it('lists files under folders sorted by their /-separated path, and skips missing inputs', () => {
    expect(inputFiles(root, [...inputs, 'missing'])).toEqual(['src/a.ts', 'src/deep/b.ts', 'tsconfig.json']);
  });
});

describe('isFresh', () => {
  const stampFile = (): string => join(root, 'dist', '.stamp.json');

  it('is false with no stamp (a fresh clone, or dist/ deleted)', () => {
    expect(isFresh(root, stampFile(), inputs)).toBe(false);
  });

  it('is true after the stamp of the current sources is written, false once a source changes', () => {
    writeStamp(stampFile(), currentStamp(root, inputs));
    expect(isFresh(root, stampFile(), inputs)).toBe(true);
    write('src/a.ts', 'export const a = 2;\n');
    expect(isFresh(root, stampFile(), inputs)).toBe(false);
  });

  it('also watches the extra files the last build read outside the inputs', () => {
    write('tests/support/helper.ts', 'export {};\n');
    writeStamp(stampFile(), currentStamp(root, inputs, ['tests/support/helper.ts']));
    expect(readStamp(stampFile())?.extra).toEqual(['tests/support/helper.ts']);
    expect(isFresh(root, stampFile(), inputs)).toBe(true);
    write('tests/support/helper.ts', 'export const changed = true;\n');
    expect(isFresh(root, stampFile(), inputs)).toBe(false);
  });

  it('is false for an unreadable stamp, such as the plain digest the previous build-web.js wrote', () => {
    write('dist/.stamp.json', sourceHash(root, inputs));
    expect(isFresh(root, stampFile(), inputs)).toBe(false);
  });
});
