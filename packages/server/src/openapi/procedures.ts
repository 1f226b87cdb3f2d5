import type { AnyRouter } from '@trpc/server';
import { formDataFieldsOf } from '../form-data.ts';
import { procedureAccess, type ProcedureAccess } from '../procedure-access.ts';

/** One procedure of a composed router, as the OpenAPI generator needs it. */
export interface ProcedureInfo {
  /** Dotted path, as called: `student.outcomes.upload`. */
  path: string;
  type: 'query' | 'mutation' | 'subscription';
  /** The input parsers, in the order `.input()` added them (tRPC merges their objects). */
  inputs: unknown[];
  /** For multipart mutations (inputs built with formDataInput): the form's fields. */
  formFields: unknown | undefined;
  access: ProcedureAccess;
}

interface RouterInternals {
  _def: {
    procedures: Record<string, { _def: { type: ProcedureInfo['type']; inputs?: unknown[]; middlewares?: unknown[] } }>;
    lazy?: Record<string, { load: () => Promise<void> }>;
  };
}

/**
 * Every procedure of `router`, sorted by path. tRPC v11 keeps a flat `_def.procedures` map keyed
 * by dotted path; lazy sub-routers (`lazy(() => import(...))`) join it only once loaded, so they
 * are loaded first.
 */
export async function listProcedures(router: AnyRouter): Promise<ProcedureInfo[]> {
  const def = (router as unknown as RouterInternals)._def;
  for (let guard = 0; def.lazy && Object.keys(def.lazy).length > 0; guard++) {
    if (guard > 100) throw new Error('lazy routers did not finish loading');
    await Promise.all(Object.values(def.lazy).map((l) => l.load()));
  }
  return Object.entries(def.procedures)
    .map(([path, procedure]) => {
      const inputs = procedure._def.inputs ?? [];
      const formFields = inputs.length === 1 ? formDataFieldsOf(inputs[0]) : undefined;
      return { path, type: procedure._def.type, inputs, formFields, access: procedureAccess(procedure) };
    })
    .sort((a, b) => a.path.localeCompare(b.path));
}
