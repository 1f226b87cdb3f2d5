import { fileURLToPath } from 'node:url';
import { lichengWebTestConfig } from './wtr-shared-config.mjs';

export default lichengWebTestConfig({
  name: 'ui',
  files: 'src/**/*.test.ts',
  tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)),
});
