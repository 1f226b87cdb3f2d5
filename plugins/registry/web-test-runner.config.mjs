import { fileURLToPath } from 'node:url';
import { lichengWebTestConfig } from '../../packages/ui/wtr-shared-config.mjs';

export default lichengWebTestConfig({
  name: 'plugin-registry',
  files: 'src/web/**/*.test.ts',
  tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)),
});
