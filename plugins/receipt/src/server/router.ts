import { router } from '@licheng/server';
import { noticesList } from './procedures/notices-list.ts';
import { noticesPost } from './procedures/notices-post.ts';

/** Mounted by the server as `receipt.*`: `receipt.notices.list`, `receipt.notices.post`. */
export const receiptRouter = router({
  notices: router({ list: noticesList, post: noticesPost }),
});

export type ReceiptRouter = typeof receiptRouter;
