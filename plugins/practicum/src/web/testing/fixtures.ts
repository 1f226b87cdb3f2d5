import type { Certificate, CertificateList, ImportReport, Internship, InternshipList } from '../api.ts';

export { deepText } from '@licheng/client/testing';

const student = { studentNo: 'S001', name: '陳小明', className: '101', seatNo: 1 };

export function certificate(over: Partial<Certificate> & { id: string }): Certificate {
  return {
    student,
    academicYear: 114,
    semester: 1,
    status: 'passed',
    decidedByName: '實習處 就業組長',
    registeredAt: '2025-10-01T04:00:00.000Z',
    code: '',
    category: 3,
    origin: 'domestic',
    issuer: '勞動部勞動力發展署技能檢定中心',
    name: '工業電子',
    level: '丙級',
    number: 'A-001',
    date: '2025-08-20',
    registeredByName: '實習處 就業組長',
    documentFileId: null,
    ...over,
  };
}

export function internship(over: Partial<Internship> & { id: string }): Internship {
  return {
    student,
    academicYear: 114,
    semester: 1,
    status: 'passed',
    decidedByName: null,
    registeredAt: '2025-10-01T04:00:00.000Z',
    kind: 2,
    organisation: '雲林農會',
    title: '農產品行銷實習',
    start: '2025-09-01',
    end: '2025-09-30',
    hours: 160,
    registeredByName: '實習處 就業組長',
    ...over,
  };
}

export const certificateList = (items: Certificate[], academicYear: number | null = 114): CertificateList => ({ academicYear, items });
export const internshipList = (items: Internship[], academicYear: number | null = 114): InternshipList => ({ academicYear, items });

export const badReport: ImportReport = {
  dryRun: true,
  rows: 3,
  imported: 0,
  ids: [],
  academicYears: [],
  issues: [
    { row: 3, column: '發證日期', code: 'date-invalid', params: { value: '114/02/30' }, message: '日期「114/02/30」無法辨識或不存在' },
    { row: 4, column: '學號', code: 'import-student-unknown', params: { value: 'S999' }, message: '找不到學號「S999」，請先匯入學生名冊' },
  ],
};

/** Puts `file` into a file input as if the user had chosen it. */
export function chooseFile(input: HTMLInputElement, file: File): void {
  const transfer = new DataTransfer();
  transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}
