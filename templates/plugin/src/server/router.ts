import { router } from '@licheng/server';
import { noticesList } from './procedures/notices-list.ts';
import { noticesPost } from './procedures/notices-post.ts';

/** Mounted by the server as `__ID__.*`: `__ID__.notices.list`, `__ID__.notices.post`. */
export const __CAMEL__Router = router({
  notices: router({ list: noticesList, post: noticesPost }),
});

export type __PASCAL__Router = typeof __CAMEL__Router;
