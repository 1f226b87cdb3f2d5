// @licheng/core — the rules of the national learning portfolio system (學生學習歷程檔案), no I/O.
export * from './errors.ts';
export * from './activities.ts';
export * from './calendar.ts';
export * from './course-code.ts';
export * from './course-plan.ts';
export * from './files.ts';
export * from './roles.ts';
export * from './school.ts';
export * from './windows.ts';
export * from './records.ts';
export * from './selection.ts';
export * from './national-id.ts';
export * from './import-cells.ts';
export * from './import-templates.ts';
export * from './import-schemas.ts';
export * from './imports.ts';
export * from './rosters.ts';
