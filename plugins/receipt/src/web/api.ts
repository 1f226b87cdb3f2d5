import type { PlatformMe } from '@licheng/server';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { ReceiptRouter } from '../server/router.ts';

/** What the receipt office's procedures return, as the screens see them (types only). */
type Outputs = inferRouterOutputs<ReceiptRouter>;
type Inputs = inferRouterInputs<ReceiptRouter>;

export type Mine = Outputs['mine'];
export type MineBatch = Mine['batches'][number];
export type MineItem = MineBatch['items'][number];
export type Confirmed = Outputs['confirm'];
export type RaisedIssue = Outputs['raiseIssue'];
export type RaiseIssueInput = Inputs['raiseIssue'];
export type ImportResult = Outputs['batches']['import'];
export type ImportProblem = ImportResult['problems'][number];
export type BatchSummary = Outputs['batches']['list'][number];
export type Progress = Outputs['batches']['progress'];
export type IssueRow = Outputs['issues']['list'][number];
export type Answered = Outputs['issues']['answer'];
export type Accepted = Outputs['issues']['accept'];
export type MineIssue = MineItem['issues'][number];
export type ItemStatus = MineItem['status'];
export type PaperFormList = Outputs['paperForms']['list'];
export type PaperFormResult = Outputs['paperForms']['create'];
export type PaperReturnList = Outputs['paperReturns']['list'];
export type PaperReturnStudent = PaperReturnList['students'][number];
export type PaperReturn = PaperReturnList['returns'][number];
export type PaperReturnRecorded = Outputs['paperReturns']['record'];
export type PaperReturnInput = Inputs['paperReturns']['record'];
export type PaperReturnWithdrawn = Outputs['paperReturns']['withdraw'];
export type PaperReturnScanned = Outputs['paperReturns']['scan'];

/** The part of `platform.me` the app reads. */
export type Me = Pick<PlatformMe, 'user' | 'today'>;

export const paths = {
  mine: 'receipt.mine',
  confirm: 'receipt.confirm',
  raiseIssue: 'receipt.raiseIssue',
  import: 'receipt.batches.import',
  batches: 'receipt.batches.list',
  progress: 'receipt.batches.progress',
  issues: 'receipt.issues.list',
  answer: 'receipt.issues.answer',
  accept: 'receipt.issues.accept',
  paperForms: 'receipt.paperForms.list',
  printPaperForms: 'receipt.paperForms.create',
  paperReturns: 'receipt.paperReturns.list',
  recordPaperReturn: 'receipt.paperReturns.record',
  withdrawPaperReturn: 'receipt.paperReturns.withdraw',
  scanPaperReturn: 'receipt.paperReturns.scan',
  me: 'platform.me',
} as const;

/** Longest issue text or answer the server takes (characters as people count them). */
export const TEXT_MAX = 500;

/** Largest scan of a returned paper form the server keeps (core's document slot). */
export const SCAN_MAX_BYTES = 4 * 1024 * 1024;

/** Largest receipt ZIP the server takes (as receipt.batches.import refuses it). */
export const ZIP_MAX_BYTES = 50 * 1024 * 1024;

/** The workbook route of a batch's progress and issues, under the API base. */
export const progressWorkbookPath = (batchId: string) => `/api/receipt/batches/${encodeURIComponent(batchId)}/progress.xlsx`;
