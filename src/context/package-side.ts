import { dirname, resolve } from 'node:path';
import { manifestLookup, type Manifest } from './nearest-manifest.js';

/** Where the code of a package runs, as its package.json says: in a browser (or an app), or in Node. */
export type PackageSide = 'browser' | 'node';

/** Dependencies that make a package front-end code: UI frameworks, their app frameworks, mobile runtimes. */
const BROWSER_DEPENDENCIES = /^(?:react|react-dom|vue|svelte|@angular\/core|preact|solid-js|lit|@sveltejs\/kit|nuxt|gatsby|@remix-run\/react|expo|react-native|@ionic\/[\w-]+|jquery)$/;
/** Dependencies that make a package server code: HTTP servers, databases, Node-only SDKs. */
const NODE_DEPENDENCIES = /^(?:express|fastify|koa|@nestjs\/core|@hapi\/hapi|hapi|restify|pg|mysql2?|mongoose|mongodb|sequelize|typeorm|knex|@prisma\/client|ioredis|redis|bullmq|undici|commander|yargs)$/;

/**
 * The side of the nearest package.json above a file, looked up once per folder. Evidence, strongest first: a
 * `browser` field; a `bin` (a command-line tool runs in Node); front-end dependencies; server dependencies. A package
 * with both kinds (Next.js apps have React and a server) says nothing, nor does one without either: the file's own
 * markers and path decide then.
 */
export function packageSideResolver(cwd = process.cwd(), manifests = manifestLookup()): (path: string) => PackageSide | undefined {
  const bySide = new Map<Manifest, PackageSide | undefined>();
  return (path) => {
    if (path.startsWith('<')) return undefined;
    const manifest = manifests(dirname(resolve(cwd, path)));
    if (!manifest?.data) return undefined;
    if (!bySide.has(manifest)) bySide.set(manifest, sideOf(manifest.data));
    return bySide.get(manifest);
  };
}

function sideOf(data: Record<string, unknown>): PackageSide | undefined {
  if (data.browser !== undefined) return 'browser';
  if (data.bin !== undefined) return 'node';
  const names = ['dependencies', 'devDependencies', 'peerDependencies'].flatMap((field) => Object.keys((data[field] as object | undefined) ?? {}));
  const browser = names.some((name) => BROWSER_DEPENDENCIES.test(name)) || names.includes('next');
  const node = names.some((name) => NODE_DEPENDENCIES.test(name)) || names.includes('next');
  return browser === node ? undefined : browser ? 'browser' : 'node';
}
