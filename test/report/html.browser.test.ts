import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/package-root.js';
import { runCli } from '../helpers/cli.js';
import { TempRepo } from '../helpers/git-repo.js';
import { key } from '../helpers/keys.js';
import { tempTree } from '../helpers/temp-dir.js';

/** Debian's Chromium (apt install chromium): .ci/run installs it; elsewhere the test says how and is skipped. */
const CHROMIUM = process.env.KEYWARD_CHROMIUM ?? '/usr/bin/chromium';
const haveBrowser = existsSync(CHROMIUM);
if (!haveBrowser) console.warn(`the HTML report's browser test needs Chromium at ${CHROMIUM} (apt-get install chromium): skipped`);

const OUTPUT = join(packageRoot(), 'test-results');

describe.skipIf(!haveBrowser)('the HTML report, in headless Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    // Flags as the machine's notes say: no sandbox as root, and no background network (this machine has none).
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });
  afterAll(async () => browser?.close());

  it('shows the counts, filters the list, loads nothing from the network, and holds no key', async () => {
    const secrets = [key.accelebitLive(), key.accelebitLive(), key.accelebitTest(), key.smartpayLive()];
    const root = tempTree({
      'server/a.ts': `export const a = "${secrets[0]}";\nexport const b = "${secrets[1]}";\n`,
      'server/b.ts': `export const c = "${secrets[2]}";\n`,
      'server/pay.ts': `import { Smartpay } from '@smartpay/node';\nexport const s = new Smartpay("${secrets[3]}");\n`,
    });
    // --show-secrets puts keys in the other reports; the page still redacts them.
    const run = runCli(['scan', '.', '-f', 'html', '-o', 'report.html', '--show-secrets'], { cwd: root });
    expect(run.status).toBe(1);
    const page = readFileSync(join(root, 'report.html'), 'utf8');
    for (const secret of secrets) expect(page).not.toContain(secret);

    const tab = await browser.newPage();
    const requests: string[] = [];
    tab.on('request', (request) => requests.push(request.url()));
    const errors: string[] = [];
    tab.on('pageerror', (error) => errors.push(error.message));
    await tab.goto(`file://${join(root, 'report.html')}`);
    expect(await tab.textContent('#count-error b')).toBe('3');
    expect(await tab.textContent('#count-warning b')).toBe('1');
    expect(await tab.locator('#findings tbody tr:visible').count()).toBe(4);
    expect(await tab.textContent('#shown')).toBe('4 of 4 shown');

    await tab.selectOption('select[data-filter="severity"]', 'warning');
    expect(await tab.locator('#findings tbody tr:visible').count()).toBe(1);
    expect(await tab.textContent('#findings tbody tr:visible')).toContain('accelebit-test-secret-key');
    await tab.selectOption('select[data-filter="severity"]', '');
    await tab.fill('input[data-filter="path"]', 'pay');
    expect(await tab.textContent('#shown')).toBe('1 of 4 shown');
    expect(await tab.locator('#chart rect').count()).toBe(2);

    mkdirSync(OUTPUT, { recursive: true });
    await tab.screenshot({ path: join(OUTPUT, 'html-report.png'), fullPage: true });
    expect(errors).toEqual([]);
    expect(requests.filter((url) => !url.startsWith('file://'))).toEqual([]);
    await tab.close();
  });

  it('for history: a timeline of when each key came, and whether HEAD still holds it', async () => {
    const repo = TempRepo.init();
    repo.commit('add', { 'a.ts': `export const a = "${key.accelebitLive()}";\n` });
    repo.commit('another', { 'b.ts': `export const b = "${key.accelebitLive()}";\n` });
    repo.commit('remove', { 'a.ts': '' });
    const out = join(tempTree(), 'history.html');
    expect(runCli(['history', '-f', 'html', '-o', out], { cwd: repo.dir }).status).toBe(1);
    const tab = await browser.newPage();
    await tab.goto(`file://${out}`);
    const rows = await tab.locator('#timeline tbody tr').allTextContents();
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/^2024-01-01.*removed from HEAD, in history$/);
    expect(rows[1]).toMatch(/still in HEAD$/);
    await tab.close();
  });
});

describe('the HTML report, as text', () => {
  it('--html-show-secrets is the one way to see keys in the page', () => {
    const secret = key.accelebitLive();
    const root = tempTree({ 'server/a.ts': `export const a = "${secret}";\n` });
    runCli(['scan', '.', '-f', 'html', '-o', 'shown.html', '--show-secrets', '--html-show-secrets'], { cwd: root });
    expect(readFileSync(join(root, 'shown.html'), 'utf8')).toContain(secret);
  });

  it('links each line to GitHub when the remote is there and holds the commit', () => {
    const repo = TempRepo.init();
    repo.git('remote', 'add', 'origin', 'https://github.com/acme/shop.git');
    const head = repo.commit('add', { 'src/a b.ts': `export const a = "${key.accelebitLive()}";\n` });
    repo.git('update-ref', 'refs/remotes/origin/main', head);
    runCli(['scan', '.', '-f', 'html', '-o', 'r.html'], { cwd: repo.dir });
    expect(readFileSync(join(repo.dir, 'r.html'), 'utf8')).toContain(`href="https://github.com/acme/shop/blob/${head}/src/a%20b.ts#L1"`);
  });

  it('links to GitLab the same way, for a GitLab remote', () => {
    const repo = TempRepo.init();
    repo.git('remote', 'add', 'origin', 'git@gitlab.com:acme/group/shop.git');
    const head = repo.commit('add', { 'src/a.ts': `export const a = "${key.accelebitLive()}";\n` });
    repo.git('update-ref', 'refs/remotes/origin/main', head);
    runCli(['scan', '.', '-f', 'html', '-o', 'r.html'], { cwd: repo.dir });
    expect(readFileSync(join(repo.dir, 'r.html'), 'utf8')).toContain(`href="https://gitlab.com/acme/group/shop/-/blob/${head}/src/a.ts#L1"`);
  });
});
