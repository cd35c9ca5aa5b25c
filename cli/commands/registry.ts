import { join, resolve } from 'node:path';
import { UsageError } from '../../shared/errors/index.js';
import {
  CONFIG_PATH, describeEvent, digestJson, GitBackend, loadModelsConfig, readJsonFile, Registry,
  type BumpPart, type ModelState, type RegistryEvent, type RegistryState, type WriteResult,
} from '../../shared/registry/index.js';
import { textTable } from '../../shared/report/index.js';
import { parseCommandArgs, writeJson, type Command, type CommandIo } from '../command.js';

const usage = `Usage: tollgate registry <subcommand> [arguments] [--repo DIR] [--json]

The model registry: GTO-compatible git tags in the repository at --repo (default: here).

  show [model]                          models, versions and who holds each stage
  history <model>                       every event of a model, oldest first
  register <model> (--version vX.Y.Z | --bump major|minor|patch) [--ref REV] [--metrics FILE]
                                        tag a commit (default HEAD) as a new version
  assign <model> <stage> [--version vX.Y.Z] [--force [--reason TEXT]]
                                        put a version (default: latest) in a stage
  unassign <model> <stage> [--version vX.Y.Z]
                                        take a version (default: the holder) out of a stage
  deregister <model> --version vX.Y.Z   withdraw a version
  deprecate <model>                     retire a model
  rollback <model> <stage> [--to vX.Y.Z]
                                        give the stage back to its previous holder (a new tag)
  check-ref <tag>                       what a registry tag records

Options:
  --repo DIR       the git repository (default: the current directory)
  --config FILE    stage policy; must exist (default: <repo>/${CONFIG_PATH}, when present)
  --push           push each new tag to --remote (default origin), after fetching its tags
  --remote NAME    the remote for --push
  --json           print the resulting state or event as JSON

Exit codes: 0 done, 1 blocked by policy or lost a race, 2 usage or input error.`;

const options = {
  repo: { type: 'string' },
  config: { type: 'string' },
  json: { type: 'boolean' },
  push: { type: 'boolean' },
  remote: { type: 'string' },
  version: { type: 'string' },
  bump: { type: 'string' },
  ref: { type: 'string' },
  metrics: { type: 'string' },
  force: { type: 'boolean' },
  reason: { type: 'string' },
  to: { type: 'string' },
} as const;

type Values = ReturnType<typeof parseCommandArgs<typeof options>>['values'];

/** Which flags each subcommand takes, besides --repo, --config and --json. */
const SUBCOMMAND_FLAGS: Record<string, ReadonlyArray<keyof typeof options>> = {
  show: [],
  history: [],
  register: ['version', 'bump', 'ref', 'metrics', 'push', 'remote'],
  assign: ['version', 'force', 'reason', 'push', 'remote'],
  unassign: ['version', 'push', 'remote'],
  deregister: ['version', 'push', 'remote'],
  deprecate: ['push', 'remote'],
  rollback: ['to', 'push', 'remote'],
  'check-ref': [],
};
const COMMON_FLAGS = new Set(['repo', 'config', 'json']);

export const registryCommand: Command = {
  name: 'registry',
  usage,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, options, usage);
    const [subcommand, ...args] = positionals;
    if (subcommand === undefined) throw new UsageError(`missing the subcommand\n\n${usage}`);
    const allowed = SUBCOMMAND_FLAGS[subcommand];
    if (!allowed) throw new UsageError(`unknown subcommand '${subcommand}'\n\n${usage}`);
    for (const flag of Object.keys(values)) {
      if (!COMMON_FLAGS.has(flag) && !allowed.includes(flag as keyof typeof options)) {
        throw new UsageError(`registry ${subcommand} does not take --${flag}\n\n${usage}`);
      }
    }
    if (values.remote !== undefined && !values.push) throw new UsageError('--remote needs --push');
    const registry = await openRegistry(values, io);
    switch (subcommand) {
      case 'show':
        return show(registry, args, values, io);
      case 'history':
        return history(registry, args, values, io);
      case 'check-ref': {
        expectArguments(args, 1, 'check-ref <tag>');
        const checked = await registry.checkRef(args[0]);
        if (values.json) writeJson(io, checked);
        else io.stdout.write(`${checked.text}\n`);
        return 0;
      }
      default:
        return write(registry, subcommand, args, values, io);
    }
  },
};

async function openRegistry(values: Values, io: CommandIo): Promise<Registry> {
  const repo = resolve(io.cwd, values.repo ?? '.');
  // The default file may be absent; a --config the user typed must exist (a typo must not skip the stage policy).
  const models = await loadModelsConfig(values.config === undefined ? join(repo, CONFIG_PATH) : resolve(io.cwd, values.config), { required: values.config !== undefined });
  const backend = new GitBackend({ cwd: repo, pushTo: values.push ? (values.remote ?? 'origin') : undefined });
  return new Registry({ backend, models });
}

function expectArguments(args: string[], count: number, shape: string): void {
  if (args.length < count) throw new UsageError(`missing arguments: registry ${shape}\n\n${usage}`);
  if (args.length > count) throw new UsageError(`unexpected argument '${args[count]}': registry ${shape}\n\n${usage}`);
}

async function show(registry: Registry, args: string[], values: Values, io: CommandIo): Promise<number> {
  if (args.length > 1) throw new UsageError(`unexpected argument '${args[1]}': registry show [model]\n\n${usage}`);
  let state: RegistryState;
  if (args[0] === undefined) state = await registry.state();
  else state = await registry.modelState(args[0]);
  if (values.json) {
    writeJson(io, state);
    return 0;
  }
  io.stdout.write(args[0] === undefined ? overviewText(state) : modelText(state.models[0]));
  for (const ignored of state.ignored) io.stderr.write(`warning: tag '${ignored.tag}' ignored: ${ignored.reason}\n`);
  return 0;
}

function overviewText(state: RegistryState): string {
  if (state.models.length === 0) return 'No registry tags yet (register a version with `tollgate registry register`).\n';
  const stages = [...new Set(state.models.flatMap((model) => Object.keys(model.stages)))];
  const rows = state.models.map((model) => [
    model.deprecated ? `${model.name} (deprecated)` : model.name,
    model.latest ?? '—',
    ...stages.map((stage) => model.stages[stage] ?? '—'),
  ]);
  return `${textTable(['model', 'latest', ...stages.map((stage) => `#${stage}`)], rows)}\n`;
}

function modelText(model: ModelState): string {
  const rows = model.versions.map((version) => [
    version.version,
    version.commit.slice(0, 12),
    version.created.replace('.000Z', 'Z'),
    version.stages.join(', ') || '—',
    version.deregistered ? 'deregistered' : version.registered ? version.author : 'unregistered commit',
  ]);
  const title = `${model.name}${model.deprecated ? ' (deprecated)' : ''} · latest ${model.latest ?? '—'}`;
  return `${title}\n${textTable(['version', 'commit', 'registered', 'stages', 'by'], rows, 60)}\n`;
}

async function history(registry: Registry, args: string[], values: Values, io: CommandIo): Promise<number> {
  expectArguments(args, 1, 'history <model>');
  const model = registry.modelName(args[0]);
  const events = await registry.history(model);
  if (values.json) {
    writeJson(io, { model, events });
    return 0;
  }
  if (events.length === 0) {
    io.stdout.write(`No registry tags for ${model}.\n`);
    return 0;
  }
  const rows = events.map((event) => [event.created.replace('.000Z', 'Z'), event.tag, describeEvent(event), event.author]);
  io.stdout.write(`${textTable(['time', 'tag', 'event', 'by'], rows, 90)}\n`);
  return 0;
}

async function write(registry: Registry, subcommand: string, args: string[], values: Values, io: CommandIo): Promise<number> {
  let result: WriteResult;
  switch (subcommand) {
    case 'register': {
      expectArguments(args, 1, 'register <model> (--version vX.Y.Z | --bump major|minor|patch)');
      const bump = values.bump;
      if (bump !== undefined && !['major', 'minor', 'patch'].includes(bump)) throw new UsageError(`--bump must be major, minor or patch; got '${bump}'`);
      const metrics = values.metrics === undefined ? undefined : await readJsonFile(resolve(io.cwd, values.metrics));
      result = await registry.register({
        model: args[0],
        version: values.version,
        bump: bump as BumpPart | undefined,
        ref: values.ref,
        metadata: metrics === undefined ? {} : { metricsDigest: digestJson(metrics) },
      });
      break;
    }
    case 'assign':
      expectArguments(args, 2, 'assign <model> <stage>');
      if (values.reason !== undefined && !values.force) throw new UsageError('--reason goes with --force');
      result = await registry.assign({ model: args[0], stage: args[1], version: values.version, force: values.force, reason: values.reason });
      break;
    case 'unassign':
      expectArguments(args, 2, 'unassign <model> <stage>');
      result = await registry.unassign({ model: args[0], stage: args[1], version: values.version });
      break;
    case 'deregister':
      expectArguments(args, 1, 'deregister <model> --version vX.Y.Z');
      if (values.version === undefined) throw new UsageError(`missing --version vX.Y.Z\n\n${usage}`);
      result = await registry.deregister({ model: args[0], version: values.version });
      break;
    case 'deprecate':
      expectArguments(args, 1, 'deprecate <model>');
      result = await registry.deprecate({ model: args[0] });
      break;
    default:
      expectArguments(args, 2, 'rollback <model> <stage>');
      result = await registry.rollback({ model: args[0], stage: args[1], to: values.to });
  }
  if (values.json) writeJson(io, result);
  else io.stdout.write(`${writeText(result, values)}\n`);
  return 0;
}

function writeText(result: WriteResult, values: Values): string {
  const event: RegistryEvent = result.event;
  if (!result.created) return `Already recorded by tag '${event.tag}': ${describeEvent(event)} (nothing written)`;
  const pushed = values.push ? ` and pushed to ${values.remote ?? 'origin'}` : '';
  const retried = result.attempts > 1 ? ` after ${result.attempts - 1} retr${result.attempts === 2 ? 'y' : 'ies'} (another writer was faster)` : '';
  const hint = values.push ? '' : `\nPublish it with: git push origin 'refs/tags/${event.tag}'`;
  return `Created tag '${event.tag}'${pushed}${retried}: ${describeEvent(event)}${hint}`;
}
