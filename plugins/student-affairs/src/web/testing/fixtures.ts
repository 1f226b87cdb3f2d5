import { RECORD_KINDS, recordKindPolicy, type RecordKindDefinition, type Role } from '@licheng/core';
import type { KindView, RecordListRow } from '../api.ts';

/** The kinds in the order 學務處 mounts them (plugins/student-affairs/src/server/router.ts). */
const MOUNTED = ['cadre', 'service-hours-in', 'service-hours-out', 'extracurricular', 'attendance', 'reward-punishment', 'club', 'fitness'];
const AFFAIRS = MOUNTED.map((id) => (RECORD_KINDS as Record<string, RecordKindDefinition>)[id]!);

/** `student-affairs.records.kinds` as the server answers a user with `roles` at a school with the default record kinds. */
export function kindsFor(roles: Role[]): KindView[] {
  const config = { recordKinds: {} } as Parameters<typeof recordKindPolicy>[0];
  return AFFAIRS.map((k) => {
    const { enterers, certifiers } = recordKindPolicy(config, k.id);
    return {
      id: k.id,
      label: k.label,
      fields: k.fields,
      mayEnter: roles.some((r) => enterers.includes(r)),
      mayCertify: roles.some((r) => certifiers.includes(r)),
      files: k.files,
      subOffice: k.subOffice ?? null,
      family: null,
    };
  }) as KindView[];
}

export function me(roles: Role[]) {
  return { user: { userId: 'u', name: '測試', roles }, term: { academicYear: 114, semester: 1 } };
}

/** A pending record of a kind, as `student-affairs.records.list` lists it. */
export function row(over: Partial<RecordListRow> & { id: string; kind: string; data: RecordListRow['data'] }): RecordListRow {
  return {
    academicYear: 114,
    semester: 1,
    summary: '',
    status: 'pending',
    statusReason: null,
    student: { id: 'st1', studentNo: 'S001', name: '陳小明', className: '101', seatNo: 1 },
    enteredRole: 'student',
    enteredByMe: false,
    decidedByName: null,
    version: 1,
    createdAt: '2025-10-01T04:00:00.000Z',
    updatedAt: '2025-10-01T04:00:00.000Z',
    documentFileId: null,
    mediaFileId: null,
    videoUrl: null,
    correctable: 'no',
    withdrawable: false,
    ...over,
  } as RecordListRow;
}

export const fitnessRow = row({ id: 'r-fit', kind: 'fitness', data: { date: '2025-09-15', height: 170, weight: 60, sitAndReach: 30, standingJump: 200, sitUps: 40, run: 600 } });
export const serviceRow = row({
  id: 'r-svc',
  kind: 'service-hours-out',
  summary: '參加海岸淨灘',
  data: { name: '淨灘', unit: '海洋保育署', startDate: '2025-09-20', endDate: null, hours: 3 },
  student: { id: 'st2', studentNo: 'S002', name: '林小華', className: '101', seatNo: 2 },
});
