/**
 * `npm run apikey -- --name NAME --role reader|writer`: mints an API key. The key is printed once, on stdout;
 * the configuration gets only the line with its SHA-256 (docs/write-api.md).
 */
import { API_ROLES, type ApiRole, apiKeyLine, apiKeyNameProblem, mintApiKey } from '../core/api-keys';

const USAGE = `Usage: npm run apikey -- --name NAME --role ${API_ROLES.join('|')}`;

/** The value of --flag VALUE or --flag=VALUE in argv. */
function option(argv: string[], flag: string): string | undefined {
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg === flag) return argv[i + 1];
    if (arg.startsWith(`${flag}=`)) return arg.slice(flag.length + 1);
  }
  return undefined;
}

/** Checks the arguments, mints a key and prints it with its configuration line; returns the exit code. */
export function main(argv: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream): number {
  if (argv.includes('--help') || argv.includes('-h')) {
    out.write(`${USAGE}\n`);
    return 0;
  }
  const name = option(argv, '--name');
  const role = option(argv, '--role');
  const problem =
    name === undefined
      ? '--name is required'
      : (apiKeyNameProblem(name) && `--name ${apiKeyNameProblem(name)}`) ||
        (role === undefined || !(API_ROLES as readonly string[]).includes(role)
          ? `--role must be ${API_ROLES.join(' or ')}`
          : null);
  if (problem || name === undefined) {
    err.write(`${problem}\n${USAGE}\n`);
    return 2;
  }
  const key = mintApiKey();
  out.write(
    [
      `API key for "${name}" (${role}); shown once, keep it secret:`,
      '',
      `  ${key}`,
      '',
      'Add this entry to API_KEYS (comma-separated) or as a line of the API_KEYS_FILE file:',
      '',
      `  ${apiKeyLine(name, role as ApiRole, key)}`,
      '',
      `Clients send it as: Authorization: Bearer ${key.slice(0, 8)}…`,
      '',
    ].join('\n'),
  );
  return 0;
}

if (require.main === module) process.exit(main(process.argv.slice(2), process.stdout, process.stderr));
