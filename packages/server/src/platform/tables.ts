import type { ColumnType, Insertable, Selectable } from 'kysely';

/** 學生 — a student as synced from the host (the host is the system of record). */
export interface StudentTable {
  id: string;
  school_code: string;
  student_no: string; // 學號
  host_user_id: string; // the `sub` the host signs for this student
  name: string;
  national_id: string; // 身分證號
  birth_date: string; // ISO date
  grade: number; // 年級 1–3
  class_name: string; // 班級
  seat_no: number; // 座號
  division: string; // 部別: day | night
  department_code: string | null; // 科別代碼
  status: string; // enrolled | left | graduated
  /** 學生資料名冊 columns as the school imported them: JSON by key (core StudentRosterFields), or null. */
  roster_fields: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: string;
  updated_at: string;
}

export interface TeacherTable {
  id: string;
  school_code: string;
  teacher_no: string; // 教師代號
  host_user_id: string;
  name: string;
  email: string | null;
  created_at: string;
  updated_at: string;
}

/** A course offering (開課): one course code in one term, optionally for one class. */
export interface CourseTable {
  id: string;
  school_code: string;
  academic_year: number;
  semester: number;
  code: string; // 課程代碼 (23 characters)
  subject_name: string; // 科目名稱
  grade_level: number; // 開課年級
  credits: number; // 學分
  class_name: string; // 開課班級, '' when the offering is not tied to a class
  created_at: string;
  updated_at: string;
}

export interface CourseTeacherTable {
  course_id: string;
  teacher_id: string;
  school_code: string;
}

/** 修課 — a student taking a course offering. */
export interface EnrolmentTable {
  id: string;
  school_code: string;
  student_id: string;
  course_id: string;
  take_kind: number; // 1 新修 2 重修 3 補修
  created_at: string;
}

/** 班級 — a class of one academic year and its homeroom teacher (導師), as the host or an import says. */
export interface ClassTable {
  id: string;
  school_code: string;
  academic_year: number; // 學年度
  class_name: string; // 班級, as students.class_name
  grade: number; // 年級 1–3
  homeroom_teacher_id: string | null; // 導師 → teachers.id; null once that teacher is removed
  created_at: string;
  updated_at: string;
}

export interface StoredFileTable {
  id: string;
  school_code: string;
  sha256: string;
  size: number;
  type: string; // sniffed: pdf jpg png mp3 mp4
  original_name: string;
  created_by: string;
  created_at: string;
}

/** One record of any kind (課程學習成果 first), with its certification state. */
export interface RecordTable {
  id: string;
  school_code: string;
  kind: string;
  student_id: string;
  course_id: string | null;
  academic_year: number;
  semester: number;
  summary: string; // 簡述
  data: string; // kind-specific fields as JSON
  document_file_id: string | null;
  media_file_id: string | null;
  status: string; // pending | passed | failed | withdrawn; a kind nobody certifies is entered as passed
  status_reason: string | null;
  decided_by: string | null;
  decided_by_name: string | null;
  decided_role: string | null;
  decided_at: string | null;
  /** The teacher a proxy (代理人) decided for; null unless a proxy decided. */
  decided_for: string | null;
  decided_for_name: string | null;
  entered_by: string;
  entered_role: string;
  version: number;
  created_at: string;
  updated_at: string;
}

/** 勾選 — a record chosen for the central database in an academic year. */
export interface SelectionTable {
  id: string;
  school_code: string;
  student_id: string;
  record_id: string;
  kind: string;
  academic_year: number;
  created_at: string;
}

export interface AuditTable {
  id: string;
  school_code: string;
  actor_id: string;
  actor_name: string;
  actor_role: string;
  /** 代理 — whom the actor acted for as a proxy (host user id and name); null when for themselves. */
  acted_for: string | null;
  acted_for_name: string | null;
  action: string;
  entity: string;
  entity_id: string;
  /** The student the entry concerns, when there is one. */
  student_id: string | null;
  /** The entry of the operation (an import) this entry is part of. */
  parent_id: string | null;
  before: string | null;
  after: string | null;
  at: string;
}

/** 課程諮詢 — a course consultant (a teacher) and one of their advisees. */
export interface AdviseeTable {
  id: string;
  school_code: string;
  teacher_id: string;
  student_id: string;
  created_at: string;
}

/** 學籍異動 — one dated change of a student's status. */
export interface StatusChangeTable {
  id: string;
  school_code: string;
  student_id: string;
  date: string; // ISO date the change took effect
  kind: string; // StatusChangeKind: transfer-in | transfer-out | suspend | resume | repeat-year | graduate | borrow
  status_code: string; // 學籍異動代碼, 3 digits
  note: string;
  created_at: string;
}

/** 學期編班 — a student's division, class and seat in one term. */
export interface TermPlacementTable {
  id: string;
  school_code: string;
  student_id: string;
  academic_year: number;
  semester: number;
  division: string; // day 日間部 | night 進修部
  class_name: string;
  seat_no: number;
  created_at: string;
  updated_at: string;
}

/** 代理人 — one proxy of a principal for a scope ('certification' or an office id), in list order. */
export interface ProxyTable {
  id: string;
  school_code: string;
  scope: string;
  principal_user_id: string; // host user id
  principal_name: string;
  proxy_user_id: string; // host user id
  proxy_name: string;
  position: number; // 1, 2, … within the principal's list for the scope
  roles_json: string; // JSON array of the roles the proxy takes on while acting (office scopes); [] for certification
  created_by: string;
  created_at: string;
  removed_at: string | null; // soft removal: rows are never deleted
}

/** 請假 — a staff member away from from_date to to_date (Taipei dates, both included). */
export interface StaffAbsenceTable {
  id: string;
  school_code: string;
  user_id: string;
  from_date: string;
  to_date: string;
  reason: string;
  created_by: string;
  created_at: string;
  removed_at: string | null;
}

/** 離職 — a staff member who left; one row per user. */
export interface StaffDepartureTable {
  id: string;
  school_code: string;
  user_id: string;
  departed_on: string; // Taipei date
  certification_until: string | null; // certification-only access until this Taipei date
  note: string;
  created_by: string;
  created_at: string;
}

/**
 * 作業期程 — one window of a school's schedule, set by the working group (seeded once from the
 * school config). JSON columns hold lists and relative dates; `start_date`/`end_date` hold the
 * dates as last saved (a relative window's are recomputed from its anchor on every read).
 */
export interface ScheduleWindowTable {
  id: string;
  school_code: string;
  activity: string;
  academic_year: number;
  semester: number; // 0 = the whole academic year
  start_date: string; // ISO, Taipei
  end_date: string;
  grades: string | null; // JSON number[]; null = every grade
  classes: string | null; // JSON string[]; null = every class
  record_kinds: string | null; // JSON string[]; null = every kind
  self_check: string | null; // 自我檢核日期
  qualifier: string | null; // 名冊別 / 梯次, free text
  start_from: string | null; // JSON RelativeDate
  end_from: string | null;
  version: number;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
  updated_by_name: string;
  removed_at: string | null; // soft removal: restorable
  removed_by: string | null;
  reminder_leads: string | null; // JSON list of days before the end; null = the default
}

/** One row per school whose schedule is in the database: seeded once; every change takes this row first. */
export interface ScheduleSchoolTable {
  school_code: string;
  seeded_at: string;
  changes: number;
}

/** A background job's lease (docs/adr/0025): which process runs it now, until when, and when it is next due. */
export interface JobLeaseTable {
  name: string;
  holder: string | null;
  lease_until: string;
  next_run_at: string;
  last_started_at: string | null;
  last_finished_at: string | null;
  last_error: string | null;
}

/** 提醒 — one reminder of a window's deadline to one person on one channel, at one lead time; never sent twice (unique key). */
export interface ReminderTable {
  id: string;
  school_code: string;
  window_id: string;
  lead_days: number;
  channel: string; // in-app | email
  recipient_user_id: string; // the host's user id (the token's sub)
  recipient_name: string;
  recipient_kind: string; // student | teacher
  address: string | null; // the e-mail address it went to
  status: string; // sent | sending | no-address (e-mail: a recorded skip)
  deadline: string; // the window's end, ISO date
  subject: string;
  body: string;
  sent_at: string;
  read_at: string | null;
}

/** A record imported from another school's transfer package (轉入, ADR 0033): a read-only copy, once per origin. */
export interface RecordOriginTable {
  record_id: string;
  school_code: string;
  /** Where the record was first made, through any number of moves. */
  origin_school_code: string;
  origin_record_id: string;
  /** The school whose package brought it here. */
  imported_from_school: string;
  /** 1 when the student had selected (勾選) it at that school. */
  selected_at_origin: number;
  /** The package's SHA-256: a checksum of an upload that is not kept, no stored object. */
  package_sha256: string;
  imported_by: string;
  imported_at: string;
}

/** 刪除 — a graduate's portfolio purged after the retention period (ADR 0034); one row per student. */
export interface RetentionPurgeTable {
  id: string;
  school_code: string;
  student_id: string;
  graduated_on: string;
  due_on: string;
  records: number;
  files: number;
  purged_at: string;
  /** JSON `[{ office, table, rows }]`: what each enabled office purged (ADR 0034); null before the offices' hook. */
  offices: string | null;
}

export interface PlatformDatabase {
  record_origins: RecordOriginTable;
  retention_purges: RetentionPurgeTable;
  job_leases: JobLeaseTable;
  reminders: ReminderTable;
  schedule_windows: ScheduleWindowTable;
  schedule_schools: ScheduleSchoolTable;
  proxies: ProxyTable;
  staff_absences: StaffAbsenceTable;
  staff_departures: StaffDepartureTable;
  advisees: AdviseeTable;
  status_changes: StatusChangeTable;
  term_placements: TermPlacementTable;
  students: StudentTable;
  teachers: TeacherTable;
  courses: CourseTable;
  course_teachers: CourseTeacherTable;
  enrolments: EnrolmentTable;
  classes: ClassTable;
  stored_files: StoredFileTable;
  records: RecordTable;
  selections: SelectionTable;
  audit_log: AuditTable;
}

export type Student = Selectable<StudentTable>;
export type Teacher = Selectable<TeacherTable>;
export type Course = Selectable<CourseTable>;
export type Enrolment = Selectable<EnrolmentTable>;
export type SchoolClass = Selectable<ClassTable>;
export type StoredFile = Selectable<StoredFileTable>;
export type RecordRow = Selectable<RecordTable>;
export type NewRecord = Insertable<RecordTable>;
export type AuditRow = Selectable<AuditTable>;
export type ProxyRow = Selectable<ProxyTable>;
export type StaffAbsence = Selectable<StaffAbsenceTable>;
export type StaffDeparture = Selectable<StaffDepartureTable>;
export type ReminderRow = Selectable<ReminderTable>;
