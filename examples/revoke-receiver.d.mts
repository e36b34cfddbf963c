import type { Server } from 'node:http';
export function verifyKeywardSignature(
  secret: string,
  body: string,
  header: string | undefined,
  nowSeconds?: number,
): { ok: true; timestamp: number } | { ok: false; reason: string };
export function createRevokeReceiver(options: { secret: string; onLeak: (payload: Record<string, unknown>) => void | Promise<void> }): Server;
