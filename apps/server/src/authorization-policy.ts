import type { Role } from '@licheng/core';
import type { PlatformRouter } from '@licheng/server';
import type { availablePlugins } from './plugins.ts';

/**
 * Who may call what: every tRPC procedure and every plain HTTP route of every office this build
 * ships. authorization-policy.test.ts calls each of them as each role, as another school's user
 * and with missing, expired and forged tokens, and compares the answers with this table; a
 * procedure or route missing here fails that test (and a procedure missing here fails
 * type-checking too: the table's keys are the routers' paths).
 *
 * Adding an entry: `'<office>.<path>': { roles: ['registry-staff'] }` — the roles are those the
 * procedure's `authedProcedure([...])` names, or `'any'` for `authedProcedure()`. A procedure
 * that takes the id of a record, file, item or class says in `records` whose it reaches, and
 * names in `provenBy` the test showing that anyone else's reads as not found (404), the same as
 * an id that does not exist.
 */
export interface SignedInPolicy {
  /** The roles that pass the sign-in check; 'any' for every role of the school. */
  roles: readonly Role[] | 'any';
  /** Whose records (files, items, classes) the caller reaches by id; any other id reads as not found. */
  records?: { rule: string; provenBy: string };
}

export type RoutePolicy = SignedInPolicy | { public: true };

type Procedure = { _def: { type: 'query' | 'mutation' | 'subscription' } };
type PathsIn<Rec, Prefix extends string> = {
  [K in keyof Rec & string]: Rec[K] extends Procedure ? `${Prefix}${K}` : PathsIn<Rec[K], `${Prefix}${K}.`>;
}[keyof Rec & string];
type RouterPaths<R, Prefix extends string> = R extends { _def: { record: infer Rec } } ? PathsIn<Rec, Prefix> : never;
type Office = (typeof availablePlugins)[number];
type OfficePaths<P> = P extends { id: infer Id extends string; router: infer R } ? RouterPaths<R, `${Id}.`> : never;

/** Every procedure path of the platform and of every shipped office: `student.outcomes.upload`, … */
export type ProcedurePath = RouterPaths<PlatformRouter, 'platform.'> | OfficePaths<Office>;

/** The offices' certifiers as the teaching queue lists them (the school config picks among them per record kind). */
const CERTIFIERS: readonly Role[] = ['subject-teacher', 'homeroom-teacher', 'registry-staff', 'student-affairs-staff', 'counseling-staff', 'library-staff', 'practicum-staff', 'admin'];

const OWN_RECORDS = { rule: "the student's own records", provenBy: 'plugins/student/src/server/resubmit-and-select.test.ts' };
const OWN_ITEMS = { rule: "the student's own receipt items", provenBy: 'plugins/receipt/src/server/receipt-confirm.test.ts' };
const OWN_ISSUES = { rule: "the student's own receipt issues", provenBy: 'plugins/receipt/src/server/receipt-routing.test.ts' };
/** Who answers receipt issues (core's RECEIPT_ISSUE_OFFICE_DEFINITIONS): the registry coordinates, the owning office or teacher answers. */
const RECEIPT_ISSUE_ROLES: readonly Role[] = ['registry-staff', 'subject-teacher', 'student-affairs-staff', 'activities-staff', 'practicum-staff'];
const ROUTED_ISSUES = { rule: "receipt issues routed to the caller's office, or to the teacher by name (every issue for the registry)", provenBy: 'plugins/receipt/src/server/receipt-routing.test.ts' };
const CERTIFIABLE = {
  rule: 'records the caller certifies: of a course they teach (subject teacher), or of a kind their office certifies school-wide',
  provenBy: 'plugins/teaching/src/server/certifications.test.ts',
};
const OWN_DECISIONS = { rule: 'decisions the caller made on records they still certify', provenBy: 'plugins/teaching/src/server/certification-reopen.test.ts' };
/** The one permission rule of the generic record-kind procedures (packages/server/src/records/kind-procedures/scope.ts), proven for an office by `provenBy`. */
const kindScope = (provenBy: string) => ({
  rule: "an office's own kinds; a teacher's class or course students; a consultant's advisees; a student's own records (changed only by whoever entered them, or by the office for what an office entered)",
  provenBy,
});

/** The lines of an office that mounts recordKindProcedures as `<office>.records.*`; `provenBy` calls them and checks for not found. */
function recordKindPolicyLines<O extends string>(office: O, provenBy: string) {
  const KIND_SCOPE = kindScope(provenBy);
  return {
    [`${office}.records.kinds`]: { roles: 'any' },
    [`${office}.records.list`]: { roles: 'any', records: KIND_SCOPE },
    [`${office}.records.enter`]: { roles: 'any', records: KIND_SCOPE },
    [`${office}.records.correct`]: { roles: 'any', records: KIND_SCOPE },
    [`${office}.records.withdraw`]: { roles: 'any', records: KIND_SCOPE },
    [`${office}.records.importPreview`]: { roles: 'any', records: KIND_SCOPE },
    [`${office}.records.importCommit`]: { roles: 'any', records: KIND_SCOPE },
    [`${office}.records.decide`]: { roles: 'any', records: { ...KIND_SCOPE, rule: `${KIND_SCOPE.rule}; decided only by the school's certifiers of the kind` } },
    [`${office}.records.reopen`]: { roles: 'any', records: { ...KIND_SCOPE, rule: 'decisions the caller made on records of the office’s kinds they still certify' } },
  } as Record<`${O}.records.${'kinds' | 'list' | 'enter' | 'correct' | 'withdraw' | 'importPreview' | 'importCommit' | 'decide' | 'reopen'}`, SignedInPolicy>;
}

/** The downloads of an office that mounts recordKindRoutes under /api/<office>. */
function recordKindRouteLines<O extends string>(office: O, provenBy: string) {
  const KIND_SCOPE = kindScope(provenBy);
  return {
    [`GET /api/${office}/records/template.xlsx`]: { roles: 'any' },
    [`GET /api/${office}/records/export.xlsx`]: { roles: 'any', records: KIND_SCOPE },
  } as Record<`GET /api/${O}/records/${'template' | 'export'}.xlsx`, SignedInPolicy>;
}

/** 自傳與學習計畫: a student's own documents; the checker the school names (導師: their class this year; 輔導組: every student). */
const OWN_ESSAYS = { rule: "the student's own documents and versions", provenBy: 'plugins/autobiography/src/server/writing.test.ts' };
const CHECKED_ESSAYS = {
  rule: "documents of students the caller checks as the school's named checker: their class this year (導師), every student (輔導組)",
  provenBy: 'plugins/autobiography/src/server/checks.test.ts',
};

const OWN_CLASS = { rule: 'the class the caller is homeroom teacher (導師) of this year; any class for an administrator', provenBy: 'plugins/homeroom/src/server/progress.test.ts' };

/** Plan versions and pre-check runs of the caller's school; another school's id reads as not found. */
const CURRICULUM_SCHOOL = { rule: "plan versions and pre-check runs of the caller's school", provenBy: 'plugins/curriculum/src/server/permissions.test.ts' };

/** The working group's members, meetings and trainings: kept by the group and administrators, of the caller's school only. */
const GROUP_EDITORS: readonly Role[] = ['working-group', 'admin'];
const GROUP_RECORDS = { rule: "members, meetings and trainings of the caller's school", provenBy: 'plugins/working-group/src/server/group-roles.test.ts' };

export const procedurePolicy = {
  'platform.me': { roles: 'any' },
  'platform.reminders.list': { roles: 'any' },
  'platform.reminders.markRead': { roles: 'any', records: { rule: "the caller's own in-app reminders", provenBy: 'packages/server/src/reminders/reminders.test.ts' } },

  'student.courses.list': { roles: ['student'] },
  'student.outcomes.list': { roles: ['student'] },
  'student.outcomes.upload': { roles: ['student'], records: { rule: 'courses the student takes', provenBy: 'plugins/student/src/server/outcomes.test.ts' } },
  'student.outcomes.resubmit': { roles: ['student'], records: OWN_RECORDS },
  'student.selections.get': { roles: ['student'] },
  'student.selections.save': { roles: ['student'], records: OWN_RECORDS },
  'student.portfolio.get': { roles: ['student'] },
  'student.consent.get': { roles: ['student'] },
  'student.consent.give': { roles: ['student'] },
  'student.consent.withdraw': { roles: ['student'] },
  'student.consents.list': { roles: ['registry-staff', 'admin'] },
  'student.performances.kinds': { roles: ['student'] },
  'student.performances.list': { roles: 'any', records: kindScope('plugins/student/src/server/performances.test.ts') },
  'student.performances.upload': { roles: ['student'] },
  'student.performances.correct': { roles: 'any', records: kindScope('plugins/student/src/server/performances.test.ts') },
  'student.performances.withdraw': { roles: 'any', records: kindScope('plugins/student/src/server/performances.test.ts') },
  'student.performances.selection.get': { roles: ['student'] },
  'student.performances.selection.save': { roles: ['student'], records: { rule: "the performances the student entered", provenBy: 'plugins/student/src/server/performance-selection.test.ts' } },

  'teaching.certifications.queue': { roles: CERTIFIERS },
  'teaching.certifications.decide': { roles: 'any', records: CERTIFIABLE },
  'teaching.certifications.decideMany': { roles: 'any', records: CERTIFIABLE },
  'teaching.certifications.reopen': { roles: 'any', records: OWN_DECISIONS },

  'registry.audit.list': { roles: ['registry-staff', 'admin'] },
  'registry.imports.run': { roles: ['registry-staff', 'admin'] },
  'registry.imports.templates': { roles: ['registry-staff', 'admin'] },
  'registry.rosters.export': { roles: ['registry-staff', 'admin'] },
  'registry.rosters.window': { roles: ['registry-staff', 'admin'] },
  'registry.rosters.list': { roles: ['registry-staff', 'admin'] },
  'registry.rosters.validate': { roles: ['registry-staff', 'admin'] },
  'registry.rosters.submit': { roles: ['registry-staff', 'admin'] },
  'registry.rosters.snapshots': { roles: ['registry-staff', 'admin'] },
  'registry.rosters.changes': { roles: ['registry-staff', 'admin'] },
  'registry.grades.list': { roles: ['registry-staff', 'admin'] },
  'registry.grades.mine': { roles: ['student'] },
  'registry.appeals.raise': {
    roles: ['student'],
    records: { rule: 'the student’s own grades', provenBy: 'plugins/registry/src/server/grades/appeals.test.ts' },
  },
  'registry.appeals.list': { roles: ['registry-staff', 'admin'] },
  'registry.appeals.answer': { roles: ['registry-staff', 'admin'] },
  'registry.corrections.preview': { roles: ['registry-staff', 'admin'] },
  'registry.corrections.commit': { roles: ['registry-staff', 'admin'] },
  'registry.status.record': { roles: ['registry-staff', 'admin'] },
  'registry.status.history': { roles: ['registry-staff', 'admin'] },
  'registry.transfer.import': { roles: ['registry-staff', 'admin'] },

  'working-group.schedule.list': { roles: 'any' },
  'working-group.schedule.public': { public: true },
  'working-group.members.list': { roles: GROUP_EDITORS },
  'working-group.members.add': { roles: GROUP_EDITORS },
  'working-group.members.update': { roles: GROUP_EDITORS, records: GROUP_RECORDS },
  'working-group.members.end': { roles: GROUP_EDITORS, records: GROUP_RECORDS },
  'working-group.meetings.list': { roles: GROUP_EDITORS },
  'working-group.meetings.save': { roles: GROUP_EDITORS, records: GROUP_RECORDS },
  'working-group.meetings.remove': { roles: GROUP_EDITORS, records: GROUP_RECORDS },
  'working-group.trainings.list': { roles: GROUP_EDITORS },
  'working-group.trainings.save': { roles: GROUP_EDITORS, records: GROUP_RECORDS },
  'working-group.trainings.remove': { roles: GROUP_EDITORS, records: GROUP_RECORDS },
  'working-group.trainings.importAttendance': { roles: GROUP_EDITORS, records: GROUP_RECORDS },
  'working-group.evaluation.overview': { roles: GROUP_EDITORS },
  'working-group.evaluation.propose': { roles: GROUP_EDITORS, records: { rule: "the caller's school, only its serving executive secretary (執行秘書)", provenBy: 'plugins/working-group/src/server/evaluation.test.ts' } },
  'working-group.evaluation.withdraw': { roles: GROUP_EDITORS, records: { rule: "proposals of the caller's school, only its serving executive secretary", provenBy: 'plugins/working-group/src/server/evaluation.test.ts' } },
  'working-group.evaluation.decide': { roles: GROUP_EDITORS, records: { rule: "proposals and meetings of the caller's school", provenBy: 'plugins/working-group/src/server/evaluation.test.ts' } },
  'working-group.proxies.list': { roles: ['working-group', 'admin'] },
  'working-group.proxies.save': { roles: ['working-group', 'admin'] },
  'working-group.absences.record': { roles: ['working-group', 'admin'] },
  'working-group.absences.end': { roles: ['working-group', 'admin'] },
  'working-group.departures.record': { roles: ['working-group', 'admin'] },
  'working-group.departures.withdraw': { roles: ['working-group', 'admin'] },
  'working-group.schedule.windows': { roles: ['working-group', 'admin'] },
  'working-group.schedule.save': { roles: ['working-group', 'admin'] },
  'working-group.schedule.remove': { roles: ['working-group', 'admin'] },
  'working-group.schedule.restore': { roles: ['working-group', 'admin'] },
  'working-group.schedule.load': { roles: ['working-group', 'admin'] },
  'working-group.selfCheck.get': { roles: GROUP_EDITORS },
  'working-group.selfCheck.answer': { roles: GROUP_EDITORS },
  'working-group.dashboard.progress': { roles: GROUP_EDITORS },

  'homeroom.progress.classes': { roles: ['homeroom-teacher', 'admin'] },
  'homeroom.progress.class': { roles: ['homeroom-teacher', 'admin'], records: OWN_CLASS },
  'homeroom.reminders.send': { roles: ['homeroom-teacher', 'admin'], records: { rule: 'students of the class the caller is homeroom teacher (導師) of', provenBy: 'plugins/homeroom/src/server/reminders.test.ts' } },
  'homeroom.reminders.mine': { roles: ['student'] },
  'homeroom.reminders.dismiss': { roles: ['student'], records: { rule: "the student's own reminders", provenBy: 'plugins/homeroom/src/server/reminders.test.ts' } },

  'receipt.batches.import': { roles: ['registry-staff'] },
  'receipt.batches.list': { roles: ['registry-staff'] },
  'receipt.batches.progress': { roles: ['registry-staff'] },
  'receipt.batches.reconcile': { roles: ['registry-staff'] },
  'receipt.issues.list': { roles: RECEIPT_ISSUE_ROLES },
  'receipt.issues.answer': { roles: RECEIPT_ISSUE_ROLES, records: ROUTED_ISSUES },
  'receipt.issues.accept': { roles: ['student'], records: OWN_ISSUES },
  'receipt.paperForms.list': { roles: ['registry-staff'] },
  'receipt.paperForms.create': { roles: ['registry-staff'] },
  'receipt.paperReturns.list': { roles: ['registry-staff'] },
  'receipt.paperReturns.record': { roles: ['registry-staff'] },
  'receipt.paperReturns.withdraw': { roles: ['registry-staff'] },
  'receipt.paperReturns.scan': { roles: ['registry-staff'] },
  'receipt.mine': { roles: ['student'] },
  'receipt.confirm': { roles: ['student'], records: OWN_ITEMS },
  'receipt.raiseIssue': { roles: ['student'], records: OWN_ITEMS },

  'practicum.certificates.register': { roles: ['practicum-staff'] },
  'practicum.certificates.import': { roles: ['practicum-staff'] },
  'practicum.certificates.list': { roles: ['practicum-staff'] },
  'practicum.internships.register': { roles: ['practicum-staff'] },
  'practicum.internships.list': { roles: ['practicum-staff'] },
  ...recordKindPolicyLines('practicum', 'plugins/practicum/src/server/work-experience.test.ts'),

  'counseling.advisees.list': { roles: ['counseling-staff', 'admin', 'course-consultant'] },
  'counseling.advisees.assign': { roles: ['counseling-staff', 'admin'] },
  'counseling.advisees.remove': { roles: ['counseling-staff', 'admin'], records: { rule: "the school's advisee links", provenBy: 'plugins/counseling/src/server/advisees.test.ts' } },
  'counseling.advisees.import': { roles: ['counseling-staff', 'admin'] },
  'counseling.consultations.enterGroup': { roles: ['course-consultant'], records: { rule: "the consultant's own advisees", provenBy: 'plugins/counseling/src/server/records.test.ts' } },
  ...recordKindPolicyLines('counseling', 'plugins/counseling/src/server/records.test.ts'),

  ...recordKindPolicyLines('library', 'plugins/library/src/server/reading.test.ts'),
  ...recordKindPolicyLines('competitions', 'plugins/competitions/src/server/competitions.test.ts'),
  ...recordKindPolicyLines('student-affairs', 'plugins/student-affairs/src/server/sections.test.ts'),

  'autobiography.documents.mine': { roles: ['student'] },
  'autobiography.documents.get': { roles: ['student'] },
  'autobiography.versions.get': { roles: ['student'], records: OWN_ESSAYS },
  'autobiography.drafts.save': { roles: ['student'] },
  'autobiography.drafts.restore': { roles: ['student'], records: OWN_ESSAYS },
  'autobiography.submissions.submit': { roles: ['student'] },
  'autobiography.submissions.cancel': { roles: ['student'] },
  'autobiography.checks.queue': { roles: ['homeroom-teacher', 'counseling-staff'] },
  'autobiography.checks.get': { roles: ['homeroom-teacher', 'counseling-staff'], records: CHECKED_ESSAYS },
  'autobiography.checks.decide': { roles: ['homeroom-teacher', 'counseling-staff'], records: CHECKED_ESSAYS },
  'autobiography.checks.reopen': { roles: ['homeroom-teacher', 'counseling-staff'], records: { rule: 'decisions the caller made that still stand, on documents they check', provenBy: 'plugins/autobiography/src/server/checks.test.ts' } },
  'curriculum.plan.preview': { roles: ['curriculum-staff'] },
  'curriculum.plan.commit': { roles: ['curriculum-staff'] },
  'curriculum.plan.restore': { roles: ['curriculum-staff'], records: CURRICULUM_SCHOOL },
  'curriculum.plan.versions': { roles: ['curriculum-staff', 'registry-staff'] },
  'curriculum.plan.version': { roles: ['curriculum-staff', 'registry-staff'], records: CURRICULUM_SCHOOL },
  'curriculum.classGroups.list': { roles: ['curriculum-staff', 'registry-staff'] },
  'curriculum.classGroups.set': { roles: ['curriculum-staff'] },
  'curriculum.precheck.run': { roles: ['curriculum-staff'] },
  'curriculum.precheck.status': { roles: ['curriculum-staff', 'registry-staff'] },
  'curriculum.precheck.differences': { roles: ['curriculum-staff', 'registry-staff'], records: CURRICULUM_SCHOOL },
} as const satisfies Record<ProcedurePath, RoutePolicy>;

/** Plain HTTP routes below the app (`GET <path as Hono declares it>`, `POST …`): downloads, the public ones and streamed uploads. */
export const routePolicy: Record<string, RoutePolicy> = {
  'GET /health': { public: true },
  'GET /openapi.json': { public: true },
  'GET /api/files/:id': {
    roles: 'any',
    records: {
      rule: 'files the caller uploaded, of their own records, or of records they certify; any file of the school for registry staff and administrators',
      provenBy: 'packages/server/src/platform/file-routes.test.ts',
    },
  },
  'GET /api/registry/templates/:file': { roles: ['registry-staff', 'admin'] },
  'GET /api/registry/audit.xlsx': { roles: ['registry-staff', 'admin'] },
  'GET /api/registry/transfer/:studentNo': { roles: ['registry-staff', 'admin'] },
  'POST /api/registry/transfer': { roles: ['registry-staff', 'admin'] },
  'GET /api/working-group/schedule.xlsx': { roles: 'any' },
  'GET /api/working-group/public/schedule.xlsx': { public: true },
  'GET /api/working-group/meetings/minutes.xlsx': { roles: GROUP_EDITORS, records: GROUP_RECORDS },
  'GET /api/working-group/self-check.xlsx': { roles: GROUP_EDITORS },
  'GET /api/working-group/evaluation.xlsx': { roles: GROUP_EDITORS },
  'GET /api/student/portfolio.zip': { roles: ['student'] },
  'GET /api/student/portfolio.pdf': { roles: ['student'] },
  'GET /api/homeroom/progress.xlsx': { roles: ['homeroom-teacher', 'admin'], records: OWN_CLASS },
  'GET /api/receipt/batches/:id/progress.xlsx': { roles: ['registry-staff'] },
  'GET /api/practicum/templates/certificates.xlsx': { roles: ['practicum-staff'] },
  ...recordKindRouteLines('practicum', 'plugins/practicum/src/server/work-experience.test.ts'),
  ...recordKindRouteLines('counseling', 'plugins/counseling/src/server/records.test.ts'),
  ...recordKindRouteLines('library', 'plugins/library/src/server/reading.test.ts'),
  ...recordKindRouteLines('competitions', 'plugins/competitions/src/server/competitions.test.ts'),
  ...recordKindRouteLines('student-affairs', 'plugins/student-affairs/src/server/sections.test.ts'),
  'GET /api/curriculum/precheck/export.xlsx': { roles: ['curriculum-staff', 'registry-staff'], records: CURRICULUM_SCHOOL },
};
