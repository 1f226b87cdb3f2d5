// The demo campus portal: a single-spa root config. `<licheng-portal>` signs the user in
// (host token or demo), registers the offices the user may use, and single-spa mounts the one
// whose path is open. Office modules load on demand as their own chunks.
import { start } from 'single-spa';
import './portal/portal.ts';

start({ urlRerouteOnly: true });
