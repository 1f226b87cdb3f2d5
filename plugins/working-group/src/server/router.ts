import { router } from '@licheng/server';
import { noticesList } from './procedures/notices-list.ts';
import { noticesPost } from './procedures/notices-post.ts';

/** Mounted by the server as `working-group.*`: `working-group.notices.list`, `working-group.notices.post`. */
export const workingGroupRouter = router({
  notices: router({ list: noticesList, post: noticesPost }),
});

export type WorkingGroupRouter = typeof workingGroupRouter;
