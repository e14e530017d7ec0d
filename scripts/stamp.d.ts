/** What a step's last successful build recorded: the digest of its inputs and the extra files it read. */
export interface Stamp {
  digest: string;
  extra: string[];
}
/** Every file under the given paths (files or folders, relative to root), sorted, skipping `exclude`d names. */
export function inputFiles(root: string, paths: string[], exclude?: string[]): string[];
/** The hex digest of the inputs: each file's relative path and bytes, so a rename changes it too. */
export function sourceHash(root: string, paths: string[], exclude?: string[]): string;
/** The stamp a step would have now: its configured inputs plus the extra files of the last build. */
export function currentStamp(root: string, paths: string[], extra?: string[], exclude?: string[]): Stamp;
/** The recorded stamp, or null when there is none or it is unreadable. */
export function readStamp(stampFile: string): Stamp | null;
/** True when the step's inputs hash to what its last successful build recorded. */
export function isFresh(root: string, stampFile: string, paths: string[], exclude?: string[]): boolean;
/** Records the stamp of a build that succeeded. */
export function writeStamp(stampFile: string, stamp: Stamp): void;
