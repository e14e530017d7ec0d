import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const SCRIPT = join(__dirname, 'read-export.py');

/** What NetworkX reads from a GraphML file. */
export interface NetworkxGraph {
  networkx: string;
  directed: boolean;
  nodes: number;
  edges: number;
  nodeData: Record<string, Record<string, unknown>>;
  edgeData: (Record<string, unknown> & { source: string; target: string })[];
}

/** What Python's csv module reads from a CSV file: the header and each row keyed by it. */
export interface PythonCsv {
  header: string[];
  rows: Record<string, string>[];
}

/**
 * Runs tests/support/read-export.py on a file. A machine without python3 or networkx fails the test with
 * that message (never a silent skip): the export's promise is that these tools open it.
 */
export async function readExport(kind: 'graphml', path: string): Promise<NetworkxGraph>;
export async function readExport(kind: 'csv', path: string): Promise<PythonCsv>;
export async function readExport(kind: 'graphml' | 'csv', path: string): Promise<NetworkxGraph | PythonCsv> {
  let stdout: string;
  try {
    ({ stdout } = await promisify(execFile)('python3', [SCRIPT, kind, path], { maxBuffer: 256 * 1024 * 1024 }));
  } catch (error) {
    const { code, stderr } = error as { code?: string; stderr?: string };
    if (code === 'ENOENT')
      throw new Error('python3 is not on PATH: this test reads the export with Python (networkx 3).');
    if (stderr?.includes("No module named 'networkx'")) {
      throw new Error('networkx is not installed for python3 (pip install networkx): this test opens GraphML with it.');
    }
    throw new Error(`read-export.py ${kind} ${path} failed: ${stderr ?? String(error)}`);
  }
  return JSON.parse(stdout) as NetworkxGraph | PythonCsv;
}
