import { router } from '@licheng/server';
import { noticesList } from './procedures/notices-list.ts';
import { noticesPost } from './procedures/notices-post.ts';

/** Mounted by the server as `homeroom.*`: `homeroom.notices.list`, `homeroom.notices.post`. */
export const homeroomRouter = router({
  notices: router({ list: noticesList, post: noticesPost }),
});

export type HomeroomRouter = typeof homeroomRouter;
