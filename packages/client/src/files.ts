import type { LichengClient } from './client.ts';

/**
 * Stored files are served at `/api/files/<id>` behind the bearer token, so a plain link cannot
 * open them: fetch the bytes, then hand the browser an object URL.
 */
export async function fileObjectUrl(client: LichengClient, path: string): Promise<{ url: string; type: string; fileName: string | null; size: number }> {
  const file = await client.fetchFile(path);
  const blob = file.type && file.blob.type !== file.type ? new Blob([file.blob], { type: file.type.split(';')[0] }) : file.blob;
  return { url: URL.createObjectURL(blob), type: blob.type, fileName: file.fileName, size: blob.size };
}

/** Saves a protected file (roster export, import template) with its server-given name. */
export async function downloadFile(client: LichengClient, path: string, fallbackName: string): Promise<string> {
  const { url, fileName } = await fileObjectUrl(client, path);
  const name = fileName ?? fallbackName;
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return name;
}

/** What shows a file on screen: the `licheng-file-viewer` element of @licheng/ui (it makes the object URL). */
export interface FileShower {
  view(file: { blob: Blob; type: string; name: string }): unknown;
}

/** Opens stored file `fileId` in `viewer`, named as the server names it, else `fallbackName`. */
export async function showStoredFile(client: LichengClient, fileId: string, viewer: FileShower, fallbackName: string): Promise<void> {
  const file = await client.fetchFile(client.filePath(fileId));
  await viewer.view({ blob: file.blob, type: (file.type || file.blob.type).split(';')[0]!.trim(), name: file.fileName ?? fallbackName });
}
