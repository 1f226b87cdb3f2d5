// Demo page for screenshots only (not shipped): both elements on the fixtures of the demo semester.
import { fakeToken, installFakeApi } from '@licheng/client/testing';
import '@licheng/ui';
import '../self-check/self-check.ts';
import '../group-dashboard/group-dashboard.ts';
import { dashboard114, selfCheck114 } from './progress-fixtures.ts';

installFakeApi({ 'working-group.selfCheck.get': () => selfCheck114, 'working-group.dashboard.progress': () => dashboard114 });
const which = new URLSearchParams(location.search).get('el') ?? 'licheng-self-check';
const el = document.createElement(which) as HTMLElement & { token: string };
el.token = fakeToken();
el.setAttribute('locale', 'zh-TW');
document.body.append(el);
