import { loadPicomatch } from '../lazy-require.js';
import { CLIENT_MARKER, SERVER_MARKER } from './markers.js';
import type { PackageSide } from './package-side.js';

/**
 * Where a file stands, as far as secrets are concerned. A file can carry several labels (a test of a client
 * component is `client` and `test`); `client` and `server` exclude each other, and a server marker wins.
 */
export type ContextLabel =
  | 'client' // shipped to a browser or an app: components, pages, bundles, public assets, mobile sources
  | 'server' // stays on a server: API routes, server-only modules, backend folders
  | 'test' // tests and fixtures
  | 'docs' // documentation
  | 'example-config' // .env.example and other templates meant to be copied
  | 'env-file' // a real .env file
  | 'production'; // production configuration: .env.production, prod deploy manifests

/** Globs from the config's `context:` section: they add labels to paths the built-in rules judge otherwise. */
export interface ContextOverrides {
  client?: string[];
  server?: string[];
  test?: string[];
  docs?: string[];
  production?: string[];
}

const REACT_NATIVE = /from\s+['"](?:react-native|expo(?:-[a-z-]+)?)['"]/;
/** Node's own modules: code that imports them runs in Node, whatever its folder is called (a `client/` of an HTTP SDK). */
const NODE_IMPORT =
  /(?:require\(\s*|\bfrom\s+|\bimport\s+)['"](?:node:[a-z_/]+|fs|fs\/promises|http|https|http2|net|tls|child_process|cluster|dgram|dns|os|worker_threads|readline|zlib)['"]/;
/** An npm dependency's files: its folder names (`@slack/client/`) say nothing about where this app runs. */
const DEPENDENCY_PATH = /(?:^|\/)node_modules\//;

const SERVER_PATH =
  /(?:^|\/)(?:server|servers|backend|api|functions|lambda|lambdas|workers?|cron|jobs|scripts|cmd|internal|migrations)\/|(?:^|\/)pages\/api\/|(?:^|\/)app\/(?:.*\/)?route\.[cm]?[jt]s$|\.server\.[cm]?[jt]sx?$|(?:^|\/)(?:middleware|instrumentation)\.[jt]s$/;

const CLIENT_PATH = [
  /\.(?:jsx|tsx|vue|svelte|astro)$/, // components
  /(?:^|\/)pages\/.*\.[cm]?[jt]sx?$/, // Next.js pages (pages/api is server, above)
  /(?:^|\/)app\/(?:.*\/)?(?:global-)?error\.[cm]?[jt]sx?$/, // Next.js error boundaries, client components by rule
  /(?:^|\/)(?:public|static|assets|www)\//, // served as they are
  /(?:^|\/)(?:dist|build|out|\.next\/static)\/.*\.m?js$/, // built bundles
  /\.min\.m?js$/,
  /(?:^|\/)(?:components|hooks|src\/app)\//,
  /(?:^|\/)(?:extension|chrome-extension|content-scripts?|popup|background)\//, // browser extensions
  /(?:^|\/)android\/.*\/src\/main\/(?:java|kotlin)\/|(?:^|\/)res\/values[^/]*\/[^/]+\.xml$/, // Android
  /(?:^|\/)ios\/.*\.(?:swift|m|mm|h|plist)$|(?:^|\/)Info\.plist$|\.xcconfig$/, // iOS
  /(?:^|\/)(?:App|app)\.(?:tsx|jsx|js)$|(?:^|\/)app\.json$|(?:^|\/)app\.config\.[jt]s$/, // React Native / Expo
];

/**
 * Next.js App Router files: server components unless they say 'use client' or a client file imports them (the
 * route handler, route.ts, is server code outright: SERVER_PATH).
 */
const APP_ROUTER_FILE = /(?:^|\/)app\/(?:.*\/)?(?:page|layout|template|loading|not-found|default)\.[cm]?[jt]sx?$/;

/** Folder names that suggest front-end code and no more: the package's own evidence overrules them. */
const WEAK_CLIENT_PATH = /(?:^|\/)(?:frontend|client|web|ui|views)\//;

const TEST_PATH =
  /(?:^|\/)(?:test|tests|__tests__|__mocks__|spec|specs|fixtures?|testdata|test-data|e2e|cypress|playwright)\/|\.(?:test|spec|e2e|stories)\.[a-z]+$|_test\.(?:go|py|rb)$|(?:^|\/)test_[^/]+\.py$|Tests?\.(?:kt|java|swift|cs)$/;

const DOCS_PATH = /\.(?:md|mdx|markdown|rst|adoc|txt)$|(?:^|\/)(?:docs?|documentation|wiki)\//i;

const EXAMPLE_CONFIG = /(?:^|\/)\.env\.(?:example|sample|template|dist|defaults)$|\.(?:example|sample|template|dist)(?:\.[a-z]+)?$/i;

const ENV_FILE = /(?:^|\/)\.env(?:\.[a-z0-9_-]+)?$/i;

const PRODUCTION =
  /(?:^|\/)\.env\.prod(?:uction)?(?:\.local)?$|(?:^|\/)(?:prod|production)\/|[._-]prod(?:uction)?\.(?:ya?ml|json|toml|tfvars|env)$|(?:^|\/)values-prod(?:uction)?\.ya?ml$/i;

/**
 * Classifies a file by its path and, when given, its text (markers such as "use client" or import "server-only").
 * Paths are relative, with forward slashes.
 */
export class ContextClassifier {
  private readonly overrides: Array<[ContextLabel, (path: string) => boolean]> = [];

  constructor(overrides: ContextOverrides = {}) {
    const entries = Object.entries(overrides) as Array<[ContextLabel, string[] | undefined]>;
    if (entries.some(([, globs]) => globs?.length)) {
      const picomatch = loadPicomatch();
      for (const [label, globs] of entries) if (globs?.length) this.overrides.push([label, picomatch(globs, { dot: true })]);
    }
  }

  /**
   * Classifies a file by its path and, when given, its text (markers such as "use client" or import "server-only")
   * and the side its nearest package.json says it runs on. Paths are relative, with forward slashes.
   */
  classify(path: string, text?: string, packageSide?: PackageSide, importedByClient = false): Set<ContextLabel> {
    const labels = new Set<ContextLabel>();
    if (EXAMPLE_CONFIG.test(path)) labels.add('example-config');
    else if (ENV_FILE.test(path)) labels.add('env-file');
    if (PRODUCTION.test(path)) labels.add('production');
    if (TEST_PATH.test(path)) labels.add('test');
    if (DOCS_PATH.test(path)) labels.add('docs');
    this.addSide(labels, path, text, packageSide, importedByClient);
    for (const [label, matches] of this.overrides) {
      if (!matches(path)) continue;
      if (label === 'client') labels.delete('server');
      if (label === 'server') labels.delete('client');
      labels.add(label);
    }
    return labels;
  }

  /**
   * Client or server: env files and templates are neither (they are read by whatever loads them). What the file says
   * ("use client", "server-only", an import of Node's own modules) and a client file importing it (Next.js ships
   * it to the browser then) outweigh its package's evidence, which outweighs a folder name such as `client/`; a
   * dependency's folder names count for nothing. A Next.js App Router page or layout is a server component unless
   * it or an importer says otherwise.
   */
  private addSide(labels: Set<ContextLabel>, path: string, text: string | undefined, packageSide: PackageSide | undefined, importedByClient: boolean): void {
    if (labels.has('env-file') || labels.has('example-config')) return;
    const head = text?.slice(0, 2000);
    const serverByContent = head !== undefined && SERVER_MARKER.test(head);
    const clientByContent = importedByClient || (head !== undefined && (CLIENT_MARKER.test(head) || REACT_NATIVE.test(head)));
    const nodeByContent = head !== undefined && NODE_IMPORT.test(head);
    const dependency = DEPENDENCY_PATH.test(path);
    const clientByPath = !dependency && CLIENT_PATH.some((pattern) => pattern.test(path));
    const nodeByPackage = packageSide === 'node' && !clientByPath;
    const serverByPath = SERVER_PATH.test(path) || (!dependency && APP_ROUTER_FILE.test(path));
    if (serverByContent || ((serverByPath || nodeByContent || nodeByPackage) && !clientByContent)) labels.add('server');
    else if (clientByContent || clientByPath || (!dependency && (packageSide === 'browser' || (WEAK_CLIENT_PATH.test(path) && packageSide !== 'node'))))
      labels.add('client');
  }
}
