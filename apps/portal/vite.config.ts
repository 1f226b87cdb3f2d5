import fs from 'node:fs';
import path from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { withImportMap } from './import-map.mjs';

/**
 * The demo campus portal in development (`pnpm --filter @licheng/portal dev`, next to a running
 * server on PORT 3000 for the API). The production build is scripts/build.mjs: separate office
 * modules joined by an import map. Here the same import map names each office's source, so the
 * root config loads offices exactly as in production, and Vite serves Lit once to all of them.
 */
function devOfficeImportMap(): Plugin {
  const portalDir = import.meta.dirname;
  return {
    name: 'licheng-dev-office-import-map',
    apply: 'serve',
    transformIndexHtml(html) {
      const pkg = JSON.parse(fs.readFileSync(path.join(portalDir, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
      const imports: Record<string, string> = {};
      for (const name of Object.keys(pkg.dependencies).filter((n) => n.startsWith('@licheng/plugin-'))) {
        const source = fs.realpathSync(path.join(portalDir, 'node_modules', name, 'src/web/index.ts'));
        imports[`${name}/web`] = `/@fs${source}`;
      }
      return withImportMap(html, { imports });
    },
  };
}

export default defineConfig({
  plugins: [devOfficeImportMap()],
  server: {
    proxy: Object.fromEntries(['/trpc', '/api', '/health', '/demo', '/widgets'].map((p) => [p, { target: process.env.LICHENG_API ?? 'http://127.0.0.1:3000', changeOrigin: true }])),
  },
});
