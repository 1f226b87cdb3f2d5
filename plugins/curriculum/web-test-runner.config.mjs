// Web tests of this office: its elements in a real Chromium, with the setup every package shares
// (packages/ui/wtr-shared-config.mjs) and a results file for the repository's test summary.
import { fileURLToPath } from 'node:url';
import { lichengWebTestConfig } from '../../packages/ui/wtr-shared-config.mjs';

export default lichengWebTestConfig({
  name: 'plugin-curriculum',
  files: 'src/web/**/*.test.ts',
  tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)),
});
