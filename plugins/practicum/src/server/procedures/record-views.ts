import type { RecordRow, Student } from '@licheng/server';
import type { CertificateData } from '../certificate-fields.ts';
import type { InternshipData } from '../internship-fields.ts';

/** The student as the office's lists show them. */
export interface StudentRef {
  studentNo: string;
  name: string;
  className: string;
  seatNo: number;
}

type StudentColumns = Pick<Student, 'student_no' | 'name' | 'class_name' | 'seat_no'>;

function studentRef(s: StudentColumns): StudentRef {
  return { studentNo: s.student_no, name: s.name, className: s.class_name, seatNo: s.seat_no };
}

function base(record: Pick<RecordRow, 'id' | 'academic_year' | 'semester' | 'status' | 'decided_by_name' | 'created_at'>, student: StudentColumns) {
  return {
    id: record.id,
    student: studentRef(student),
    academicYear: record.academic_year,
    semester: record.semester,
    status: record.status as 'pending' | 'passed' | 'failed',
    decidedByName: record.decided_by_name,
    registeredAt: record.created_at,
  };
}

/** A skill certificate (技能證照) as the office sees it. */
export function toCertificateView(record: Pick<RecordRow, 'id' | 'academic_year' | 'semester' | 'status' | 'decided_by_name' | 'created_at' | 'data' | 'document_file_id'>, student: StudentColumns) {
  const data = JSON.parse(record.data) as Partial<CertificateData>;
  return {
    ...base(record, student),
    code: data.code ?? '',
    category: data.category ?? 3,
    origin: data.origin ?? 'domestic',
    issuer: data.issuer ?? '',
    name: data.name ?? '',
    level: data.level ?? '',
    number: data.number ?? '',
    date: data.date ?? '',
    registeredByName: data.registeredByName ?? '',
    documentFileId: record.document_file_id,
  };
}
export type CertificateView = ReturnType<typeof toCertificateView>;

/** An internship (校外實習) as the office sees it. */
export function toInternshipView(record: Pick<RecordRow, 'id' | 'academic_year' | 'semester' | 'status' | 'decided_by_name' | 'created_at' | 'data'>, student: StudentColumns) {
  const data = JSON.parse(record.data) as Partial<InternshipData>;
  return {
    ...base(record, student),
    // A correction through practicum.records.correct stores the code as its text ('2').
    kind: (data.kind === undefined ? 2 : Number(data.kind)) as InternshipData['kind'],
    organisation: data.organisation ?? '',
    title: data.title ?? '',
    start: data.start ?? '',
    end: data.end ?? '',
    hours: data.hours ?? 0,
    registeredByName: data.registeredByName ?? '',
  };
}
export type InternshipView = ReturnType<typeof toInternshipView>;
