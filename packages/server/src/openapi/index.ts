export { generateOpenApiDocument, type OpenApiDocument, type OpenApiOptions, type OpenApiSource } from './document.ts';
export { checkOpenApiDocument } from './check.ts';
export { listProcedures, type ProcedureInfo } from './procedures.ts';
