/**
 * Procedures that take no id of a row (no field named `…Id`, `…Ids`, `id`, `…Hash`), each with
 * why B's ids have nowhere to go. They are still called by A's users — with B's own 學號 and
 * 教師編號 where they take one — and their answers and A's rows are searched for B's data like
 * every other's. cross-school.test.ts fails when a procedure without an id field is missing here,
 * or one listed here takes an id.
 */

/** The signed-in user's own data (their portfolio, reminders, grades): they name nothing. */
const OWN = "the caller's own data, found by who they are";
/** The signed-in student's own 自傳／學習計畫, named by kind and language. */
const OWN_DOCUMENT = "the signed-in student's own document, by kind and language";
/** What an office or the product offers (record kinds, blank templates): no school's data. */
const CONFIG = 'configuration: record kinds or blank templates';
/** A file the caller uploads, read into the caller's school. */
const IMPORT = "imports a file the caller uploads into the caller's school; names no stored row by id";
/** The caller's school by term, year or roster: a listing, a setting, a check. */
const SCHOOL = "the caller's school by term, year or roster (a listing, a setting or a check)";
/** A student, teacher or class by 學號, 教師編號 or 班級: given B's own (學號 119901, 教師編號 T90; B's classes share A's names). */
const NATURAL = "names a student, teacher or class by 學號, 教師編號 or 班級, and is given B's own";

export const PROCEDURES_WITHOUT_IDS: Record<string, string> = {
  'platform.reminders.list': OWN,
  'platform.me': OWN,
  'student.courses.list': OWN,
  'student.outcomes.list': OWN,
  'student.selections.get': OWN,
  'student.portfolio.get': OWN,
  'student.consent.get': OWN,
  'student.consent.give': OWN,
  'student.consent.withdraw': OWN,
  'student.consents.list': OWN,
  'student.performances.kinds': CONFIG,
  'student.performances.list': OWN,
  'student.performances.upload': OWN,
  'student.performances.selection.get': OWN,
  'registry.imports.run': IMPORT,
  'registry.imports.templates': CONFIG,
  'registry.rosters.export': SCHOOL,
  'registry.rosters.window': SCHOOL,
  'registry.rosters.list': SCHOOL,
  'registry.rosters.validate': SCHOOL,
  'registry.rosters.snapshots': SCHOOL,
  'registry.grades.list': SCHOOL,
  'registry.grades.mine': OWN,
  'registry.appeals.list': SCHOOL,
  'registry.corrections.preview': SCHOOL,
  'registry.status.record': NATURAL,
  'registry.status.history': NATURAL,
  'registry.transfer.import': IMPORT,
  'working-group.schedule.list': SCHOOL,
  'working-group.schedule.public': SCHOOL,
  'working-group.schedule.windows': SCHOOL,
  'working-group.members.list': SCHOOL,
  'working-group.meetings.list': SCHOOL,
  'working-group.trainings.list': SCHOOL,
  'working-group.selfCheck.get': SCHOOL,
  'working-group.selfCheck.answer': SCHOOL,
  'working-group.dashboard.progress': SCHOOL,
  'working-group.evaluation.overview': SCHOOL,
  'working-group.proxies.list': SCHOOL,
  'homeroom.progress.classes': SCHOOL,
  'homeroom.progress.class': NATURAL,
  'homeroom.reminders.mine': OWN,
  'receipt.batches.import': IMPORT,
  'receipt.batches.list': SCHOOL,
  'receipt.mine': OWN,
  'practicum.records.kinds': CONFIG,
  'practicum.records.list': SCHOOL,
  'practicum.records.importPreview': IMPORT,
  'practicum.records.importCommit': IMPORT,
  'practicum.certificates.register': NATURAL,
  'practicum.certificates.import': IMPORT,
  'practicum.certificates.list': SCHOOL,
  'practicum.internships.register': NATURAL,
  'practicum.internships.list': SCHOOL,
  'counseling.records.kinds': CONFIG,
  'counseling.records.list': SCHOOL,
  'counseling.records.importPreview': IMPORT,
  'counseling.records.importCommit': IMPORT,
  'counseling.advisees.list': SCHOOL,
  'counseling.advisees.assign': NATURAL,
  'counseling.advisees.import': IMPORT,
  'counseling.consultations.enterGroup': NATURAL,
  'library.records.kinds': CONFIG,
  'library.records.list': SCHOOL,
  'library.records.importPreview': IMPORT,
  'library.records.importCommit': IMPORT,
  'competitions.records.kinds': CONFIG,
  'competitions.records.list': SCHOOL,
  'competitions.records.importPreview': IMPORT,
  'competitions.records.importCommit': IMPORT,
  'student-affairs.records.kinds': CONFIG,
  'student-affairs.records.list': SCHOOL,
  'student-affairs.records.importPreview': IMPORT,
  'student-affairs.records.importCommit': IMPORT,
  'autobiography.documents.mine': OWN,
  'autobiography.documents.get': OWN_DOCUMENT,
  'autobiography.versions.get': OWN_DOCUMENT,
  'autobiography.drafts.save': OWN_DOCUMENT,
  'autobiography.drafts.restore': OWN_DOCUMENT,
  'autobiography.submissions.submit': OWN_DOCUMENT,
  'autobiography.submissions.cancel': OWN_DOCUMENT,
  'autobiography.checks.queue': SCHOOL,
  'curriculum.plan.preview': IMPORT,
  'curriculum.plan.commit': IMPORT,
  'curriculum.plan.versions': SCHOOL,
  'curriculum.classGroups.list': SCHOOL,
  'curriculum.classGroups.set': NATURAL,
  'curriculum.precheck.run': SCHOOL,
  'curriculum.precheck.status': SCHOOL,
};
