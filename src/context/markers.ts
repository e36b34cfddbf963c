/** What a file says of where it runs, in its first lines: React's directives and the `server-only` guard. */
export const SERVER_MARKER = /^\s*(?:['"]use server['"]|import\s+['"]server-only['"])/m;
export const CLIENT_MARKER = /^\s*['"]use client['"]/m;
