import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from './settings.ts';
import { tempDirs } from './testing/temp.ts';

/** scripts/new-plugin.mjs and templates/plugin: the generator and the office it generates. */
const temp = tempDirs();
afterAll(() => temp.cleanup());

const script = path.join(repoRoot, 'scripts/new-plugin.mjs');

function generate(args: string[]) {
  const run = spawnSync(process.execPath, [script, ...args], { cwd: repoRoot, encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => fs.statSync(path.join(dir, f)).isFile()).sort();
}

/** A scratch repository layout (`<root>/plugins/<id>`) whose ../../ paths reach the real repo's shared files. */
function scratchRoot(): string {
  const root = temp.make('licheng-gen-');
  fs.mkdirSync(path.join(root, 'plugins'));
  fs.symlinkSync(path.join(repoRoot, 'tsconfig.base.json'), path.join(root, 'tsconfig.base.json'));
  fs.symlinkSync(path.join(repoRoot, 'scripts'), path.join(root, 'scripts'));
  fs.symlinkSync(path.join(repoRoot, 'packages'), path.join(root, 'packages'));
  return root;
}

const office = ['--zh', '讀書會', '--en', 'Reading club', '--role', 'library-staff'];

describe('scripts/new-plugin.mjs', () => {
  it('generates a plugin with every placeholder filled in and prints the next steps', () => {
    const root = scratchRoot();
    const run = generate(['reading-club', ...office, '--into', path.join(root, 'plugins')]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('@licheng/plugin-reading-club (讀書會 / Reading club)');
    expect(run.stdout).toContain("import readingClub from '@licheng/plugin-reading-club/server'");
    expect(run.stdout).toContain('apps/server/src/plugins.ts');
    expect(run.stdout).toContain('plugins.enabled');
    expect(run.stdout).toContain('pnpm install');

    const dir = path.join(root, 'plugins/reading-club');
    const files = filesUnder(dir);
    expect(files).toEqual(filesUnder(path.join(repoRoot, 'templates/plugin')));
    expect(files).toEqual(
      expect.arrayContaining(['package.json', 'tsconfig.json', 'vitest.config.ts', 'README.md', 'src/manifest.ts', 'src/server/index.ts', 'src/server/router.ts', 'src/server/notices.test.ts', 'src/web/index.ts', 'src/web/notices-element.ts', 'src/web/notices-element.test.ts']),
    );
    for (const file of files) {
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      expect(text.match(/__[A-Z][A-Z_]*__/g), file).toBeNull();
    }
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).name).toBe('@licheng/plugin-reading-club');
    const manifest = fs.readFileSync(path.join(dir, 'src/manifest.ts'), 'utf8');
    expect(manifest).toContain("id: 'reading-club'");
    expect(manifest).toContain("office: { 'zh-TW': '讀書會', en: 'Reading club' }");
    expect(manifest).toContain("roles: ['library-staff']");
    expect(fs.readFileSync(path.join(dir, 'src/server/migrations.ts'), 'utf8')).toContain("createTable('reading_club_notices')");
    expect(fs.readFileSync(path.join(dir, 'src/server/router.ts'), 'utf8')).toContain('export const readingClubRouter = router(');
    expect(fs.readFileSync(path.join(dir, 'src/web/notices-element.ts'), 'utf8')).toContain("NOTICES_TAG = 'licheng-reading-club-notices'");
  });

  it('refuses ids that are not kebab-case, creating nothing', () => {
    const root = scratchRoot();
    for (const id of ['Library', 'library_staff', '1library', 'lib--rary', '-library', 'library-', 'lib rary', '圖書館', 'platform']) {
      const run = generate([...office, '--into', path.join(root, 'plugins'), '--', id]);
      expect(run.code, id).toBe(2);
      expect(run.stderr, id).toMatch(/not a kebab-case id|taken by the platform/);
      expect(run.stderr, id).toContain('usage: node scripts/new-plugin.mjs');
    }
    expect(fs.readdirSync(path.join(root, 'plugins'))).toEqual([]);
  });

  it('refuses an id the repository already has, or that exists where it would go', () => {
    const root = scratchRoot();
    const taken = generate(['student', ...office, '--into', path.join(root, 'plugins')]);
    expect(taken.code).toBe(2);
    expect(taken.stderr).toContain('plugins/student already exists');
    fs.mkdirSync(path.join(root, 'plugins/library'));
    fs.writeFileSync(path.join(root, 'plugins/library/keep.txt'), 'mine');
    const exists = generate(['library', ...office, '--into', path.join(root, 'plugins')]);
    expect(exists.code).toBe(2);
    expect(exists.stderr).toMatch(/library already exists/);
    expect(fs.readdirSync(path.join(root, 'plugins/library'))).toEqual(['keep.txt']);
  });

  it('refuses a missing office name and an unknown role', () => {
    const into = path.join(scratchRoot(), 'plugins');
    const missing = generate(['library', '--en', 'Library', '--role', 'library-staff', '--into', into]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--zh (the office name in Chinese) is missing');
    const role = generate(['library', '--zh', '圖書館', '--en', 'Library', '--role', 'librarian', '--into', into]);
    expect(role.code).toBe(2);
    expect(role.stderr).toContain('--role "librarian" is not a role');
    const quote = generate(['library', '--zh', "圖書'館", '--en', 'Library', '--role', 'library-staff', '--into', into]);
    expect(quote.code).toBe(2);
    expect(fs.readdirSync(into)).toEqual([]);
  });

  it('prints its usage with --help', () => {
    const run = generate(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('--role');
  });
});

/**
 * The generated office is real: it type-checks and its server tests pass on every test
 * dialect. Run in a scratch layout with the dependencies of an existing office (the template
 * needs the same packages as plugins/teaching), so nothing is left in plugins/ and no install runs.
 */
const borrowed = path.join(repoRoot, 'plugins/teaching/node_modules');
describe.skipIf(!fs.existsSync(path.join(borrowed, '.bin/vitest')))('the generated plugin', () => {
  it('type-checks and passes its own server tests', () => {
    const root = scratchRoot();
    expect(generate(['reading-club', ...office, '--into', path.join(root, 'plugins')]).code).toBe(0);
    const dir = path.join(root, 'plugins/reading-club');
    fs.symlinkSync(borrowed, path.join(dir, 'node_modules'));
    const results = temp.make('licheng-gen-results-');
    const env = { ...process.env, TEST_RESULTS_DIR: results, NO_COLOR: '1' };

    const tsc = spawnSync(path.join(dir, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.json'], { cwd: dir, env, encoding: 'utf8' });
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);

    const vitest = spawnSync(path.join(dir, 'node_modules/.bin/vitest'), ['run'], { cwd: dir, env, encoding: 'utf8', timeout: 120_000 });
    expect(vitest.status, vitest.stdout + vitest.stderr).toBe(0);
    const report = JSON.parse(fs.readFileSync(path.join(results, 'vitest-plugin-reading-club.json'), 'utf8'));
    expect(report.numFailedTests).toBe(0);
    expect(report.numPassedTests).toBeGreaterThanOrEqual(5);
  }, 180_000);

  const chrome = process.env.CHROME_PATH ?? '/usr/bin/chromium';
  it.skipIf(!fs.existsSync(chrome) || !fs.existsSync(path.join(borrowed, '.bin/web-test-runner')))('passes its own element tests in Chromium', () => {
    const root = scratchRoot();
    expect(generate(['reading-club', ...office, '--into', path.join(root, 'plugins')]).code).toBe(0);
    const dir = path.join(root, 'plugins/reading-club');
    fs.symlinkSync(borrowed, path.join(dir, 'node_modules'));
    const results = temp.make('licheng-gen-results-');
    const wtr = spawnSync(path.join(dir, 'node_modules/.bin/web-test-runner'), [], { cwd: dir, env: { ...process.env, TEST_RESULTS_DIR: results, NO_COLOR: '1' }, encoding: 'utf8', timeout: 120_000 });
    expect(wtr.status, wtr.stdout + wtr.stderr).toBe(0);
    expect(JSON.parse(fs.readFileSync(path.join(results, 'wtr-plugin-reading-club.json'), 'utf8'))).toEqual({ passed: 3, failed: 0 });
  }, 180_000);
});
