import { router } from '@licheng/server';
import { noticesList } from './procedures/notices-list.ts';
import { noticesPost } from './procedures/notices-post.ts';

/** Mounted by the server as `practicum.*`: `practicum.notices.list`, `practicum.notices.post`. */
export const practicumRouter = router({
  notices: router({ list: noticesList, post: noticesPost }),
});

export type PracticumRouter = typeof practicumRouter;
