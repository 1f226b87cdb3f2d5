// Types for import-map.mjs (plain JavaScript so the Node build script can import it).
export interface ImportMap {
  imports: Record<string, string>;
}
export const OFFICE_SPECIFIER: RegExp;
export function isShared(id: string): boolean;
export function isMapped(id: string): boolean;
export function moduleName(specifier: string): string;
export function importMapScript(map: ImportMap): string;
export function withImportMap(html: string, map: ImportMap): string;
export function coreHasNoSideEffects(id: string): false | undefined;
