import { runCommand } from './cli.js';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import picomatch from 'picomatch';
import { parse } from 'yaml';
import { tempTree } from './temp-dir.js';

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, string | number | boolean>;
  env?: Record<string, string | number>;
}

interface Job {
  needs?: string | string[];
  outputs?: Record<string, string>;
  strategy?: { matrix?: Record<string, unknown> };
  steps: Step[];
}

export interface StepRun {
  job: string;
  matrix?: Record<string, unknown>;
  step: string;
  status: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs a GitHub Actions workflow's jobs as the runner would, in dependency order, each matrix job in a workspace of
 * its own: `run:` steps with bash -e (expressions filled in, GITHUB_OUTPUT read back), and the few actions the
 * keyward workflows use done for real on the disk (artifacts upload and download, cache restore and save). Other
 * actions (setup-node, upload-sarif) are recorded, not run. Every run's store of caches persists across `run()`
 * calls, as a repository's caches persist across nights.
 */
export class WorkflowRunner {
  private readonly caches: Array<{ key: string; dir: string }> = [];
  private runs = 0;

  constructor(
    private readonly file: string,
    private readonly env: NodeJS.ProcessEnv,
    private readonly secrets: Record<string, string>,
  ) {}

  async run(): Promise<{ steps: StepRun[]; workspaces: Record<string, string>; actions: Array<{ uses: string; with: Record<string, unknown>; workspace: string }> }> {
    const workflow = parse(readFileSync(this.file, 'utf8')) as { env?: Record<string, string | number>; jobs: Record<string, Job> };
    const runId = String(1000 + ++this.runs);
    const artifacts = new Map<string, string>();
    const outputs = new Map<string, Record<string, string>>();
    const steps: StepRun[] = [];
    const workspaces: Record<string, string> = {};
    const actions: Array<{ uses: string; with: Record<string, unknown>; workspace: string }> = [];
    const done = new Set<string>();
    const order = Object.keys(workflow.jobs);
    while (done.size < order.length) {
      const name = order.find((job) => !done.has(job) && needsOf(workflow.jobs[job]!).every((need) => done.has(need)));
      if (!name) throw new Error('jobs whose needs cannot be met');
      const job = workflow.jobs[name]!;
      const context = { runId, secrets: this.secrets, needs: Object.fromEntries(needsOf(job).map((need) => [need, outputs.get(need) ?? {}])), steps: {} as Record<string, Record<string, string>> };
      for (const matrix of this.matrices(job, context)) {
        const workspace = tempTree();
        workspaces[matrix ? `${name}-${Object.values(matrix).join('-')}` : name] = workspace;
        const jobContext = { ...context, matrix, steps: {} as Record<string, Record<string, string>> };
        const env = { ...this.env, ...mapValues(workflow.env ?? {}, (value) => fill(String(value), jobContext)) };
        for (const step of job.steps) {
          const stepEnv = { ...env, ...mapValues(step.env ?? {}, (value) => fill(String(value), { ...jobContext, env })) };
          const args = mapValues(step.with ?? {}, (value) => fill(String(value), { ...jobContext, env }));
          if (step.run) {
            const outputFile = join(tempTree(), 'output');
            writeFileSync(outputFile, '');
            const result = await runCommand('bash', ['-e', '-c', fill(step.run, { ...jobContext, env })], { cwd: workspace, env: { ...stepEnv, GITHUB_OUTPUT: outputFile, GITHUB_RUN_ID: runId } });
            steps.push({ job: name, ...(matrix ? { matrix } : {}), step: step.name ?? step.run.split('\n')[0]!, status: result.status, stdout: result.stdout, stderr: result.stderr });
            if (step.id) jobContext.steps[step.id] = Object.fromEntries(readFileSync(outputFile, 'utf8').split('\n').filter(Boolean).map((line) => line.split(/=(.*)/s).slice(0, 2) as [string, string]));
          } else if (step.uses) {
            this.action(step.uses, args, workspace, artifacts);
            actions.push({ uses: step.uses, with: args, workspace });
          }
        }
        if (!matrix) outputs.set(name, mapValues(job.outputs ?? {}, (value) => fill(value, jobContext)));
      }
      done.add(name);
    }
    return { steps, workspaces, actions };
  }

  private matrices(job: Job, context: Context): Array<Record<string, unknown> | undefined> {
    const matrix = job.strategy?.matrix;
    if (!matrix) return [undefined];
    const [key, value] = Object.entries(matrix)[0]!;
    const values = typeof value === 'string' ? (JSON.parse(fill(value, context)) as unknown[]) : (value as unknown[]);
    return values.map((v) => ({ [key]: v }));
  }

  private action(uses: string, args: Record<string, string>, workspace: string, artifacts: Map<string, string>): void {
    const action = uses.replace(/@.*$/, '');
    const paths = (args.path ?? '').split('\n').map((line) => line.trim()).filter(Boolean);
    if (action === 'actions/upload-artifact') {
      const store = tempTree();
      for (const path of paths) if (existsSync(join(workspace, path))) cpSync(join(workspace, path), join(store, basename(path)), { recursive: true });
      artifacts.set(args.name!, store);
    } else if (action === 'actions/download-artifact') {
      const names = args.name ? [args.name] : [...artifacts.keys()].filter((name) => picomatch(args.pattern ?? '*')(name));
      for (const name of names) {
        const target = args['merge-multiple'] === 'true' || args.name ? workspace : join(workspace, name);
        mkdirSync(target, { recursive: true });
        cpSync(artifacts.get(name)!, target, { recursive: true });
      }
    } else if (action === 'actions/cache/save') {
      if (this.caches.some((cache) => cache.key === args.key)) return; // a cache key is written once
      const store = tempTree();
      for (const path of paths) if (existsSync(join(workspace, path))) cpSync(join(workspace, path), join(store, path), { recursive: true });
      this.caches.push({ key: args.key!, dir: store });
    } else if (action === 'actions/cache/restore') {
      const prefixes = (args['restore-keys'] ?? '').split('\n').map((line) => line.trim()).filter(Boolean);
      const hit =
        this.caches.find((cache) => cache.key === args.key) ?? [...this.caches].reverse().find((cache) => prefixes.some((prefix) => cache.key.startsWith(prefix)));
      if (hit) for (const entry of readdirSync(hit.dir)) cpSync(join(hit.dir, entry), join(workspace, entry), { recursive: true });
    }
  }
}

interface Context {
  runId: string;
  secrets: Record<string, string>;
  needs: Record<string, Record<string, string>>;
  steps: Record<string, Record<string, string>>;
  matrix?: Record<string, unknown>;
  env?: Record<string, string | undefined>;
}

/** `${{ … }}` expressions of the kinds the workflows use: contexts, and fromJSON of one. */
function fill(text: string, context: Context): string {
  return text.replace(/\$\{\{\s*(.+?)\s*\}\}/g, (_, expression: string) => {
    const inner = /^fromJSON\((.+)\)$/.exec(expression)?.[1] ?? expression;
    const [scope, ...path] = inner.split('.');
    const value =
      scope === 'github' && path[0] === 'run_id' ? context.runId
      : scope === 'secrets' ? context.secrets[path[0]!]
      : scope === 'matrix' ? context.matrix?.[path[0]!]
      : scope === 'env' ? context.env?.[path[0]!]
      : scope === 'steps' ? context.steps[path[0]!]?.[path[2]!]
      : scope === 'needs' ? context.needs[path[0]!]?.[path[2]!]
      : undefined;
    if (value === undefined) throw new Error(`unknown expression: ${expression}`);
    return String(value);
  });
}

function needsOf(job: Job): string[] {
  return job.needs === undefined ? [] : Array.isArray(job.needs) ? job.needs : [job.needs];
}

function mapValues<T, U>(record: Record<string, T>, map: (value: T) => U): Record<string, U> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, map(value)]));
}

