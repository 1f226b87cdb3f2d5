import { withCheckDigit, type ClassRow, type CourseRow, type EnrolmentRow, type StudentRow, type TeacherRow } from '@licheng/core';

/** The demo school's 學校代碼 (apps/server/config/demo-school.json); a demo loaded into another school uses that school's. */
const DEMO_SCHOOL = '999901';
const surnames = ['陳', '林', '黃', '張', '李', '王', '吳', '劉', '蔡', '楊', '許', '鄭'];
const givens = ['怡君', '家豪', '雅婷', '冠宇', '欣妤', '承恩', '詩涵', '宥廷', '品妍', '柏翰', '子晴', '彥廷'];

/** A valid 身分證號 for demo people (correct check digit, letters A/B, sex from the index). */
function nationalId(index: number): string {
  return withCheckDigit(`${index % 2 ? 'B' : 'A'}${(index % 2) + 1}${String(10000000 + index * 7919).slice(-7)}`);
}

export function demoTeachers(): TeacherRow[] {
  return [
    { teacherNo: 'T01', name: '王美玲', email: 'wang@demo.example', hostUserId: 'demo-t-wang' },
    { teacherNo: 'T02', name: '李志明', email: 'lee@demo.example', hostUserId: 'demo-t-lee' },
    { teacherNo: 'T03', name: '周怡安', email: 'chou@demo.example', hostUserId: 'demo-t-chou' },
    { teacherNo: 'T04', name: '郭建宏', email: 'kuo@demo.example', hostUserId: 'demo-t-kuo' },
  ] as TeacherRow[];
}

export function demoStudents(): StudentRow[] {
  const rows: StudentRow[] = [];
  for (const [classIndex, className] of ['101', '102', '201'].entries()) {
    for (let seat = 1; seat <= 8; seat++) {
      const i = classIndex * 8 + seat - 1;
      rows.push({
        studentNo: `${className === '201' ? '113' : '114'}${String(i + 1).padStart(3, '0')}`,
        name: `${surnames[i % surnames.length]}${givens[(i * 5) % givens.length]}`,
        nationalId: nationalId(i + 1),
        birthDate: `${className === '201' ? 2008 : 2009}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`,
        grade: className === '201' ? 2 : 1,
        className,
        seatNo: seat,
        division: 'day',
        departmentCode: '',
        hostUserId: `demo-s-${className}-${seat}`,
      } as StudentRow);
    }
  }
  return rows;
}

const subjects = [
  { category: 1, domain: '01', subject: '01', name: '國語文', credits: 4, teacher: 'T01' },
  { category: 1, domain: '02', subject: '01', name: '數學', credits: 4, teacher: 'T02' },
  { category: 1, domain: '04', subject: '02', name: '物理', credits: 2, teacher: 'T03' },
  { category: 3, domain: '07', subject: '02', name: '資訊科技', credits: 2, teacher: 'T04' },
];

/** The demo courses of one term: every subject for every class; codes are valid 23-character 課程代碼 of `school`. */
export function demoCourses(academicYear: number, semester: number, school = DEMO_SCHOOL): CourseRow[] {
  return ['101', '102', '201'].flatMap((className) =>
    subjects.map((s) => ({
      academicYear,
      semester,
      code: `108${school}E22L01` + `0${s.category}01${s.domain}${s.subject}`,
      subjectName: s.name,
      gradeLevel: className === '201' ? 2 : 1,
      credits: s.credits,
      className,
      teacherNos: [s.teacher],
    })),
  ) as CourseRow[];
}

export function demoEnrolments(students: StudentRow[], courses: CourseRow[]): EnrolmentRow[] {
  return students.flatMap((s) =>
    courses
      .filter((c) => c.className === s.className)
      .map((c) => ({ studentNo: s.studentNo, academicYear: c.academicYear, semester: c.semester, code: c.code, className: c.className, takeKind: 1 }) as EnrolmentRow),
  );
}

/** The demo classes of an academic year, each with its homeroom teacher (導師): 101 王美玲, 102 李志明, 201 周怡安. */
export function demoClasses(academicYear: number): ClassRow[] {
  return [
    { academicYear, className: '101', grade: 1, homeroomTeacherNo: 'T01' },
    { academicYear, className: '102', grade: 1, homeroomTeacherNo: 'T02' },
    { academicYear, className: '201', grade: 2, homeroomTeacherNo: 'T03' },
  ];
}
