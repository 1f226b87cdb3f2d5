// @licheng/client — the browser side of the Licheng contract: the API client (tRPC over JSON,
// multipart uploads with progress, protected file downloads), the token handoff, the base class
// of connected elements and the single-spa lifecycles helper.
export { LichengClient, createLichengClient, dispositionFileName, type Locale, type LichengClientOptions, type UploadProgress, type FetchedFile } from './client.ts';
export { SharedReads, forgetSharedReads } from './shared-reads.ts';
export { LichengApiError, apiErrorFrom, errorText } from './errors.ts';
export { hostToken, peekClaims, type TokenProvider } from './token.ts';
export { LichengConnectedElement, documentLocale } from './connected-element.ts';
export { RolesApp } from './roles-app.ts';
export { elementLifecycles, announceContext, CONTEXT_EVENT, type LichengAppProps, type ContextChange, type ElementLifecycles } from './lifecycles.ts';
export { fileObjectUrl, downloadFile, showStoredFile, type FileShower } from './files.ts';
