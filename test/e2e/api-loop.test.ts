import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoToken, startDemoServer, type StartedServer } from '../support/server.ts';
import { mutate, query } from '../support/trpc.ts';

/** The whole loop over plain HTTP against the started standalone server, as a host in another language would call it. */
describe('the certification loop over HTTP', () => {
  let server: StartedServer;
  beforeAll(async () => {
    server = await startDemoServer();
  });
  afterAll(async () => server?.stop());

  it('answers health with the embedded database', async () => {
    const health = await (await fetch(`${server.url}/health`)).json();
    expect(health).toMatchObject({ status: 'ok', database: 'sqlite', plugins: ['student', 'teaching', 'registry', 'working-group', 'homeroom', 'receipt', 'counseling', 'library', 'competitions', 'student-affairs', 'autobiography', 'curriculum'] });
  });

  it('upload → certify → select → export', async () => {
    const student = await demoToken(server, 'demo-s-102-1');
    const { courses } = await query(server.url, 'student.courses.list', student);
    const course = courses[0];
    const form = new FormData();
    form.append('courseId', course.id);
    form.append('summary', '專題報告：校園植物調查');
    form.append('document', new File([new TextEncoder().encode('%PDF-1.4\n%%EOF\n')], '報告.pdf'));
    const uploaded = await mutate(server.url, 'student.outcomes.upload', student, form);
    expect(uploaded.status).toBe('pending');

    const teacherUsers = (await (await fetch(`${server.url}/demo/users`)).json()) as any[];
    const me = await query(server.url, 'platform.me', student);
    expect(me.user.userId).toBe('demo-s-102-1');
    let decided = false;
    for (const t of teacherUsers.filter((u) => u.roles.includes('subject-teacher'))) {
      const token = await demoToken(server, t.userId);
      const queue = await query(server.url, 'teaching.certifications.queue', token);
      if (queue.items.some((i: any) => i.id === uploaded.id)) {
        await mutate(server.url, 'teaching.certifications.decide', token, { recordId: uploaded.id, decision: 'pass' });
        decided = true;
      }
    }
    expect(decided).toBe(true);

    await mutate(server.url, 'student.selections.save', student, { academicYear: uploaded.academicYear, recordIds: [uploaded.id] });
    const registry = await demoToken(server, 'demo-registry');
    const exported = await mutate(server.url, 'registry.rosters.export', registry, { academicYear: uploaded.academicYear, semester: uploaded.semester, roster: 'outcomes' });
    expect(exported.rowCount).toBeGreaterThanOrEqual(1);
    const file = await fetch(`${server.url}${exported.downloadUrl}`, { headers: { authorization: `Bearer ${registry}` } });
    expect(file.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await file.arrayBuffer()) as any);
    expect(book.worksheets.length).toBeGreaterThanOrEqual(2);
    const rows: string[] = [];
    book.worksheets[1]!.eachRow((row) => rows.push(JSON.stringify(row.values)));
    expect(rows.join('\n')).toContain('專題報告：校園植物調查');
  });
});
