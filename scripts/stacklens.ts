/**
 * The Stacklens CLI: `npm run stacklens -- <command>`. It opens the database through the same module as the
 * server (both drivers; it refuses while a server holds the embedded folder), acts through the data layer,
 * and records writes in the audit log as `--as EMAIL` (default: the system actor).
 * Exit codes: 0 success, 1 failure (one line on stderr), 2 usage error.
 */
import { closeProcessDatabase, openProcessDatabase } from '../db/client';
import { UsageError, parseCommandArgs, required } from '../lib/cli/args';
import {
  exportCsvCommand,
  importCsvCommand,
  isCsvKind,
  parseFileCommandArgs,
  readCsvFile,
  type CsvKind,
} from '../lib/cli/csv-commands';
import { promptHidden, readFirstLineOfStdin } from '../lib/cli/password-input';
import { SYSTEM_ACTOR, type Actor } from '../lib/domain/actor';
import { isRole, ROLES } from '../lib/domain/roles';
import { DomainError } from '../lib/errors';
import { REPORT_OPTIONS, reportCommand } from '../lib/cli/report';
import { FLOW_REPORT_OPTIONS, reportFlowsCommand } from '../lib/cli/report-flows';
import { loadDemoUniverse } from '../lib/dal/demo-universe';
import { createApiToken } from '../lib/dal/api-tokens';
import { createUser, findUserByEmail, listUsers } from '../lib/dal/users';
import { createTokenSchema } from '../lib/tokens/schema';
import { newUserSchema } from '../lib/users/schema';

const USAGE = `Usage: npm run stacklens -- <command> [options]

Commands:
  migrate                                    apply database migrations
  user add --email E --role R [--name N] [--password-stdin]
                                             create a user (roles: ${ROLES.join(', ')}); asks for the password
  user list [--json]                         list users
  token create --email E --name N            create a personal API token; prints only the token
  import companies|figures|fx|exposures|flows FILE [--dry-run]
                                             import the CSV (docs/data-contract.md §6), all or nothing; --dry-run writes nothing
                                             and reports what would be created, updated and left unchanged
  export companies|figures|fx|exposures|flows [FILE]
                                             write it as CSV to FILE (or stdout); archived companies are left out
  seed-demo [--force]                        load the demo universe (db/seed/ai-stack) through the importers;
                                             refuses a database that holds companies unless --force
  report --year Y [--metric M] [--basis calendar|fiscal] [--list L] [--status S] [--country C]
         [--estimates include|exclude] [--json]
                                             the layer table for a year (or the JSON of /api/v1/analytics/layers)
  report flows --year Y [--list L] [--status S] [--country C] [--estimates include|exclude] [--json]
                                             who pays whom by layer for a calendar year (or the JSON of
                                             /api/v1/analytics/flows)

Options for every command:
  --as EMAIL                                 the user recorded as the actor (default: system)

Database: DATABASE_URL (PostgreSQL) or the embedded database in STACKLENS_DATA_DIR (default ./.stacklens/data).`;

async function resolveActor(email: string | undefined): Promise<Actor> {
  if (!email) return SYSTEM_ACTOR;
  const user = await findUserByEmail({ actor: SYSTEM_ACTOR }, email);
  if (!user) throw new DomainError(`--as ${email}: no such user.`);
  if (user.disabled) throw new DomainError(`--as ${email}: this user is disabled.`);
  return { userId: user.id, label: user.email, role: user.role, via: 'cli' };
}

async function run(argv: string[]): Promise<void> {
  const [command, sub, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    console.log(USAGE);
    return;
  }
  const single = command === 'migrate' || command === 'report' || command === 'seed-demo';
  const key = single ? command : `${command} ${sub ?? ''}`.trim();
  const args = single ? [sub, ...rest].filter((a): a is string => a !== undefined) : rest;

  switch (key) {
    case 'migrate': {
      const options = parseCommandArgs(args, {});
      const database = await openProcessDatabase('the Stacklens CLI (migrate)');
      await resolveActor(options.as);
      console.log(`Migrations applied: ${database.describe}`);
      return;
    }
    case 'user add': {
      const options = parseCommandArgs(args, {
        email: { type: 'string' },
        role: { type: 'string' },
        name: { type: 'string' },
        'password-stdin': { type: 'boolean' },
      });
      const email = required(options.email, '--email');
      const role = required(options.role, '--role');
      if (!isRole(role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}.`);
      const password = options['password-stdin'] ? await readFirstLineOfStdin() : await promptHidden(`Password for ${email}: `);
      await openProcessDatabase('the Stacklens CLI (user add)');
      const actor = await resolveActor(options.as);
      const { user } = await createUser(
        { actor },
        newUserSchema.parse({ email, role, name: options.name ?? email.split('@')[0]!, password }),
      );
      console.log(`Created ${user.role} ${user.email}`);
      return;
    }
    case 'user list': {
      const options = parseCommandArgs(args, { json: { type: 'boolean' } });
      await openProcessDatabase('the Stacklens CLI (user list)');
      const users = await listUsers({ actor: await resolveActor(options.as) });
      if (options.json) console.log(JSON.stringify(users, null, 2));
      else for (const u of users) console.log(`${u.email}\t${u.role}\t${u.disabled ? 'disabled' : 'active'}\t${u.name}`);
      return;
    }
    case 'token create': {
      const options = parseCommandArgs(args, { email: { type: 'string' }, name: { type: 'string' } });
      const email = required(options.email, '--email');
      const name = required(options.name, '--name');
      await openProcessDatabase('the Stacklens CLI (token create)');
      const actor = await resolveActor(options.as);
      const owner = await findUserByEmail({ actor: SYSTEM_ACTOR }, email);
      if (!owner) throw new DomainError(`No user with the email ${email}.`);
      const { token } = await createApiToken({ actor }, { ...createTokenSchema.parse({ name }), ownerId: owner.id });
      console.log(token);
      return;
    }
    case 'seed-demo': {
      const options = parseCommandArgs(args, { force: { type: 'boolean' } });
      await openProcessDatabase('the Stacklens CLI (seed-demo)');
      const load = await loadDemoUniverse({ actor: await resolveActor(options.as) }, { force: options.force ?? false });
      for (const [kind, summary] of Object.entries(load))
        console.log(`${kind}: ${summary.created} created, ${summary.updated} updated, ${summary.unchanged} unchanged`);
      return;
    }
    case 'report': {
      if (args[0] === 'flows') {
        const options = parseCommandArgs(args.slice(1), FLOW_REPORT_OPTIONS);
        await openProcessDatabase('the Stacklens CLI (report flows)');
        console.log(await reportFlowsCommand({ actor: await resolveActor(options.as) }, options));
        return;
      }
      const options = parseCommandArgs(args, REPORT_OPTIONS);
      await openProcessDatabase('the Stacklens CLI (report)');
      console.log(await reportCommand({ actor: await resolveActor(options.as) }, options));
      return;
    }
    default:
      if ((command === 'import' || command === 'export') && isCsvKind(sub)) return csvCommand(command, sub, args);
      throw new UsageError(`Unknown command "${key}".`);
  }
}

/** `import KIND FILE [--dry-run]` and `export KIND [FILE]` for companies, figures, fx, exposures and flows. */
async function csvCommand(command: 'import' | 'export', kind: CsvKind, args: string[]): Promise<void> {
  if (command === 'import') {
    const { options, files } = parseFileCommandArgs(args, { 'dry-run': { type: 'boolean' } }, 1);
    const text = await readCsvFile(required(files[0], 'FILE'));
    await openProcessDatabase(`the Stacklens CLI (import ${kind})`);
    await importCsvCommand(kind, await resolveActor(options.as), text, options['dry-run'] ?? false);
    return;
  }
  const { options, files } = parseFileCommandArgs(args, {}, 1);
  await openProcessDatabase(`the Stacklens CLI (export ${kind})`);
  await exportCsvCommand(kind, await resolveActor(options.as), files[0]);
}

async function main(): Promise<number> {
  try {
    await run(process.argv.slice(2));
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    console.error(`stacklens: ${message.split('\n').join(' ')}`);
    return 1;
  } finally {
    await closeProcessDatabase().catch(() => undefined);
  }
}

main().then((code) => process.exit(code));
