import { fileURLToPath } from 'node:url';
import { a11ySnapshotPlugin } from '@web/test-runner-commands/plugins';
import { lichengWebTestConfig } from '../../packages/ui/wtr-shared-config.mjs';

const config = lichengWebTestConfig({
  name: 'plugin-teaching',
  files: 'src/web/**/*.test.ts',
  tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)),
});

// The browser's own accessibility tree, read by the test that checks accessible names are unique.
export default { ...config, plugins: [...config.plugins, a11ySnapshotPlugin()] };
