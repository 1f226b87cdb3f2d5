import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { academicTermOf, addDays, taipeiDate, withCheckDigit, type AcademicTerm, type ClassRow, type CourseRow, type EnrolmentRow, type Role, type StudentRow, type TeacherRow } from '@licheng/core';
import type { DialectName } from '@licheng/db';
import { createTestDatabase, type TestDatabase } from '@licheng/db/testing';
import { LocalFileStorage, S3FileStorage, signHostToken, upsertClasses, upsertCourses, upsertEnrolments, upsertStudents, upsertTeachers } from '@licheng/server';
import { startS3Server } from '@licheng/server/testing';
import { startSmtpServer, type TestSmtpServer } from '@licheng/server/testing/smtp';
import { startServerProcess, type ServerProcess } from './server.ts';

/** The school every process serves: a real school's settings (no demo mode), its own host secret. */
export const SCHOOL = '999903';
export const HOST_SECRET = 'many-processes-host-secret-0123456789abcdef';
/** 課程學習成果 uploads per student per semester at this school: the cap the upload race hits. */
export const UPLOAD_CAP = 4;

/**
 * The object store both processes share, as a parameter of the scenario: how each process is
 * told where it is (its environment), and what the store holds, read with the product's own
 * listing. `close()` removes what the store left on this machine.
 */
export interface SharedObjectStore {
  name: string;
  /** LICHENG_* settings of one process (its data folder, and the store's). */
  env(): Record<string, string>;
  /** The hashes of every object in the store. */
  objects(): Promise<Set<string>>;
  close(): Promise<void>;
}

/** One data folder for every process: LocalFileStorage is made for several processes on one folder (per-process temp folders, atomic renames). */
export function localFolderStore(): SharedObjectStore {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'licheng-processes-'));
  return {
    name: 'one local data folder',
    env: () => ({ LICHENG_DATA_DIR: dataDir }),
    async objects() {
      const found = new Set<string>();
      for await (const sha of new LocalFileStorage(path.join(dataDir, 'files')).list()) found.add(sha);
      return found;
    },
    async close() {
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * One bucket of an S3-compatible server (a real one, started for the test) for every process;
 * each process has its own data folder, which then holds only its temp files.
 */
export async function s3BucketStore(): Promise<SharedObjectStore> {
  const s3 = await startS3Server();
  const prefix = `school-${SCHOOL}/`;
  const folders: string[] = [];
  const folder = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'licheng-processes-s3-'));
    folders.push(dir);
    return dir;
  };
  return {
    name: 'one S3 bucket',
    env: () => ({
      LICHENG_DATA_DIR: folder(),
      LICHENG_STORAGE: 's3',
      LICHENG_S3_ENDPOINT: s3.endpoint,
      LICHENG_S3_BUCKET: s3.bucket,
      LICHENG_S3_REGION: s3.region,
      LICHENG_S3_ACCESS_KEY_ID: s3.accessKeyId,
      LICHENG_S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
      LICHENG_S3_PREFIX: prefix,
      LICHENG_S3_FORCE_PATH_STYLE: 'true',
    }),
    async objects() {
      const storage = new S3FileStorage({ endpoint: s3.endpoint, bucket: s3.bucket, region: s3.region, accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey, prefix, forcePathStyle: true, tempRoot: path.join(folder(), 'tmp') });
      try {
        const found = new Set<string>();
        for await (const sha of storage.list()) found.add(sha);
        return found;
      } finally {
        storage.destroy();
      }
    },
    async close() {
      await s3.stop();
      for (const dir of folders.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Person {
  userId: string;
  name: string;
  roles: Role[];
}

/** The roster: two teachers with an address, 40 students in 101 and 102 for the deadline, and the races' own students in 103. */
export const teachers = {
  wang: { userId: 't-wang', name: '王美玲', roles: ['subject-teacher'] },
  li: { userId: 't-li', name: '李志明', roles: ['subject-teacher'] },
} satisfies Record<string, Person>;
export const DEADLINE_STUDENTS = 40;
const student = (userId: string, name: string): Person => ({ userId, name, roles: ['student'] });
export const deadlineStudents: Person[] = Array.from({ length: DEADLINE_STUDENTS }, (_, i) => student(`s-${String(i + 1).padStart(3, '0')}`, `學生${i + 1}`));
export const raceStudents = {
  cap: student('s-cap', '上限生'),
  performer: student('s-perf', '表現生'),
  twinA: student('s-twin-a', '同檔甲'),
  twinB: student('s-twin-b', '同檔乙'),
};

const subjects = [
  { name: '國語文', category: 1, domain: '01', subject: '01', teacherNo: 'T01' },
  { name: '數學', category: 1, domain: '02', subject: '01', teacherNo: 'T02' },
];

/**
 * The school config: this term's windows are open today (Taipei) — uploads and selections for
 * a month more, certification for three days, so its reminder (7 days ahead by default) is due.
 */
export function schoolConfig(now: Date): Record<string, unknown> {
  const today = taipeiDate(now);
  const { academicYear, semester } = academicTermOf(today);
  const open = { start: addDays(today, -30), end: addDays(today, 30) };
  return {
    code: SCHOOL,
    name: '多程序高中',
    type: 'general',
    plugins: { enabled: ['student', 'teaching'] },
    rules: { outcomes: { uploadCapPerSemester: UPLOAD_CAP } },
    schedule: [
      { activity: 'outcome-upload', academicYear, semester, ...open },
      { activity: 'outcome-certification', academicYear, semester, start: open.start, end: addDays(today, 3) },
      { activity: 'outcome-selection', academicYear, semester: 0, ...open },
      { activity: 'performance-upload', academicYear, semester: 0, ...open },
      { activity: 'performance-selection', academicYear, semester: 0, ...open },
    ],
  };
}

/** Loads the roster with the roster service the imports and the demo loader use, in one transaction. */
export async function seedRoster(db: TestDatabase, term: AcademicTerm, now: Date): Promise<void> {
  const classOf = (userId: string) => {
    const i = deadlineStudents.findIndex((s) => s.userId === userId);
    return i === -1 ? '103' : i < DEADLINE_STUDENTS / 2 ? '101' : '102';
  };
  const everyone = [...deadlineStudents, ...Object.values(raceStudents)];
  const students = everyone.map(
    (s, i) =>
      ({
        studentNo: `115${String(i + 1).padStart(3, '0')}`,
        name: s.name,
        nationalId: withCheckDigit(`${i % 2 ? 'B' : 'A'}${(i % 2) + 1}${String(3_000_000 + i).slice(-7)}`),
        birthDate: `2009-0${(i % 9) + 1}-1${i % 10}`,
        grade: 1,
        className: classOf(s.userId),
        seatNo: (i % 40) + 1,
        division: 'day',
        departmentCode: '',
        hostUserId: s.userId,
      }) as StudentRow,
  );
  const courses = ['101', '102', '103'].flatMap((className) =>
    subjects.map(
      (s) =>
        ({
          academicYear: term.academicYear,
          semester: term.semester,
          code: `108${SCHOOL}E22L01` + `0${s.category}01${s.domain}${s.subject}`,
          subjectName: s.name,
          gradeLevel: 1,
          credits: 4,
          className,
          teacherNos: [s.teacherNo],
        }) as CourseRow,
    ),
  );
  const enrolments = students.flatMap((s) =>
    courses.filter((c) => c.className === s.className).map((c) => ({ studentNo: s.studentNo, academicYear: c.academicYear, semester: c.semester, code: c.code, className: c.className, takeKind: 1 }) as EnrolmentRow),
  );
  const classes: ClassRow[] = ['101', '102', '103'].map((className) => ({ academicYear: term.academicYear, className, grade: 1, homeroomTeacherNo: 'T01' }));
  const teacherRows = [
    { teacherNo: 'T01', name: teachers.wang.name, email: 'wang@school.example', hostUserId: teachers.wang.userId },
    { teacherNo: 'T02', name: teachers.li.name, email: 'li@school.example', hostUserId: teachers.li.userId },
  ] as TeacherRow[];
  // The test database's handle is untyped; the roster service takes the platform's tables.
  await (db.kysely as any).transaction().execute(async (trx: any) => {
    await upsertTeachers(trx, SCHOOL, teacherRows, now);
    await upsertStudents(trx, SCHOOL, students, now);
    await upsertCourses(trx, SCHOOL, courses, now);
    await upsertEnrolments(trx, SCHOOL, enrolments, now);
    await upsertClasses(trx, SCHOOL, classes, now);
  });
}

/** A token the host would sign for `person` (HS256: sub, name, school, roles, exp). */
export const tokenFor = (person: Person) => signHostToken({ ...person, school: SCHOOL }, HOST_SECRET, 3600);

/** What one call answered: the HTTP status, the tRPC result, or its error (with Licheng's own code). */
export interface Answer {
  via: number;
  status: number;
  data: any;
  error: { message: string; code: string | undefined } | null;
}

/** Several server processes of one school on one database and one object store, and the SMTP server their reminders go to. */
export interface SchoolProcesses {
  dialect: DialectName;
  db: TestDatabase;
  store: SharedObjectStore;
  smtp: TestSmtpServer;
  servers: ServerProcess[];
  term: AcademicTerm;
  /** A tRPC query through process `via` (an index into `servers`). */
  query(via: number, procedure: string, person: Person, input?: unknown): Promise<Answer>;
  /** A tRPC mutation through process `via`: JSON, or multipart form data as the upload screens send it. */
  mutate(via: number, procedure: string, person: Person, input: unknown): Promise<Answer>;
  /** A stored file's bytes through process `via`. */
  download(via: number, fileId: string, person: Person): Promise<{ status: number; bytes: Uint8Array }>;
  /** Everything the processes printed, process by process. */
  output(): string[];
  close(): Promise<void>;
}

/**
 * Starts `count` server processes at once on a fresh database of `dialect` (they migrate it
 * together) and `store`, then loads the roster. Every process sweeps and runs the background
 * jobs with the settings in `env` besides the school's.
 */
export async function startSchoolProcesses(options: { dialect: DialectName; store: SharedObjectStore; count?: number; env?: Record<string, string> }): Promise<SchoolProcesses> {
  const now = new Date();
  const db = await createTestDatabase(options.dialect);
  const smtp = await startSmtpServer();
  const configDir = fs.mkdtempSync(path.join(os.tmpdir(), 'licheng-school-config-'));
  const configFile = path.join(configDir, 'school.json');
  fs.writeFileSync(configFile, JSON.stringify(schoolConfig(now), null, 2));
  // A clean environment: none of the test run's own LICHENG_* settings leak into the servers.
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('LICHENG_') && k !== 'INIT_CWD' && k !== 'NODE_ENV'));
  const env = {
    ...base,
    LICHENG_DATABASE_URL: db.url,
    LICHENG_HOST_SECRET: HOST_SECRET,
    LICHENG_SCHOOL_CONFIG: configFile,
    LICHENG_PORTAL_DIR: configDir,
    LICHENG_SMTP_HOST: '127.0.0.1',
    LICHENG_SMTP_PORT: String(smtp.port),
    LICHENG_SMTP_FROM: '多程序高中 <portfolio@school.example>',
    ...options.env,
  };
  const started = await Promise.allSettled(Array.from({ length: options.count ?? 2 }, () => startServerProcess({ ...env, ...options.store.env() })));
  const servers = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const close = async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await smtp.close();
    await db.destroy();
    await options.store.close();
    fs.rmSync(configDir, { recursive: true, force: true });
  };
  const failed = started.find((s) => s.status === 'rejected');
  if (failed) {
    await close();
    throw failed.reason;
  }
  const term = academicTermOf(taipeiDate(now));
  await seedRoster(db, term, now);

  const call = async (via: number, init: { path: string; method?: string; body?: BodyInit; json?: boolean }, person: Person): Promise<Answer> => {
    const headers: Record<string, string> = { authorization: `Bearer ${await tokenFor(person)}` };
    if (init.json) headers['content-type'] = 'application/json';
    const res = await fetch(`${servers[via]!.url}${init.path}`, { method: init.method ?? 'GET', headers, ...(init.body === undefined ? {} : { body: init.body }) });
    const body = (await res.json()) as any;
    if (body.error) return { via, status: res.status, data: null, error: { message: body.error.message, code: body.error.data?.licheng?.code } };
    return { via, status: res.status, data: body.result?.data, error: null };
  };
  return {
    dialect: options.dialect,
    db,
    store: options.store,
    smtp,
    servers,
    term,
    query: (via, procedure, person, input) => call(via, { path: `/trpc/${procedure}${input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`}` }, person),
    mutate: (via, procedure, person, input) =>
      input instanceof FormData ? call(via, { path: `/trpc/${procedure}`, method: 'POST', body: input }, person) : call(via, { path: `/trpc/${procedure}`, method: 'POST', body: JSON.stringify(input), json: true }, person),
    async download(via, fileId, person) {
      const res = await fetch(`${servers[via]!.url}/api/files/${fileId}`, { headers: { authorization: `Bearer ${await tokenFor(person)}` } });
      return { status: res.status, bytes: new Uint8Array(await res.arrayBuffer()) };
    },
    output: () => servers.map((s) => s.output()),
    close,
  };
}
