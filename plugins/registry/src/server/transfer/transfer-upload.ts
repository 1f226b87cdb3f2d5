import { DomainError, MAX_TRANSFER_PACKAGE_BYTES } from '@licheng/core';
import { spoolDir, withSpooledUpload, type AuthedContext } from '@licheng/server';
import { importTransferPackage, type TransferImportOptions, type TransferImportResult } from './transfer-import.ts';
import { readTransferPackage } from './transfer-read.ts';

export const transferPackageTooLarge = () => new DomainError('transfer-package-too-large', { maxMb: MAX_TRANSFER_PACKAGE_BYTES / 1024 / 1024 });

/**
 * 轉入 from an uploaded package (ADR 0033, ADR 0011): the upload is streamed to a private temp
 * file, its real bytes counted against MAX_TRANSFER_PACKAGE_BYTES as they arrive; the worker
 * thread checks the package there; the files are streamed from it into storage and the records
 * written. The temp file is removed however this ends. Memory held on the request thread: one
 * chunk of the upload or of a file, and the manifest — never the package.
 */
export async function importTransferUpload(ctx: AuthedContext, body: ReadableStream<Uint8Array>, options: TransferImportOptions): Promise<TransferImportResult> {
  return withSpooledUpload(body, { dir: spoolDir(ctx.storage), maxBytes: MAX_TRANSFER_PACKAGE_BYTES, tooLarge: transferPackageTooLarge }, async (file) => {
    const checked = await readTransferPackage(file);
    return importTransferPackage(ctx, checked, file, options);
  });
}
