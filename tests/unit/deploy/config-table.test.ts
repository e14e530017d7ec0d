import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ENV_NAMES, ROOT, defaultOf, readProjectFile, sorted } from './support';

const TABLE_START = '<!-- config-table:start -->';
const TABLE_END = '<!-- config-table:end -->';

/** docs/configuration.md always holds the table; README.md is checked too once it carries the markers. */
const TABLE_DOCUMENTS = [
  'docs/configuration.md',
  ...(existsSync(join(ROOT, 'README.md')) && readProjectFile('README.md').includes(TABLE_START) ? ['README.md'] : []),
];

/** The table's rows between the markers: variable name (backticks removed) and default cell. */
function configTableRows(file: string): { name: string; defaultCell: string }[] {
  const text = readProjectFile(file);
  const start = text.indexOf(TABLE_START);
  const end = text.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error(`${file} has no ${TABLE_START} … ${TABLE_END} section`);
  return text
    .slice(start + TABLE_START.length, end)
    .split('\n')
    .filter((line) => line.trim().startsWith('|'))
    .map((line) => line.split('|').map((cell) => cell.trim()))
    .map(([, name = '', defaultCell = '']) => ({ name: name.replace(/`/g, ''), defaultCell }))
    .filter(({ name }) => /^[A-Z][A-Z0-9_]*$/.test(name));
}

describe.each(TABLE_DOCUMENTS)('the configuration table in %s', (file) => {
  const rows = configTableRows(file);

  it('has one row per variable of ENV_NAMES, no more, no fewer', () => {
    expect(sorted(rows.map((r) => r.name))).toEqual(sorted(ENV_NAMES));
  });

  it("states each variable's default", () => {
    for (const { name, defaultCell } of rows) {
      const expected = defaultOf(name);
      if (expected !== undefined) expect({ name, defaultCell }).toEqual({ name, defaultCell: `\`${expected}\`` });
    }
  });
});
