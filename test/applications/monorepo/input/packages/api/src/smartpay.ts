import express from 'express';

const SECRET = `sk_live_${'{{rand:12}}'}{{rand:12}}`;

export const router = express.Router();
router.get('/health', (_req, res) => res.json({ ok: true, mode: SECRET.slice(0, 7) }));
