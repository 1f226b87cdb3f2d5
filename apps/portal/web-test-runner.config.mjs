import { fileURLToPath } from 'node:url';
import { lichengWebTestConfig } from '../../packages/ui/wtr-shared-config.mjs';

export default lichengWebTestConfig({
  name: 'portal',
  files: 'src/**/*.test.ts',
  tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)),
});
