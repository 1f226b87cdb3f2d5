import type { DialectName } from '@licheng/db';
import { createTestLicheng, seedRoster, type TestLicheng, type TestUser } from '@licheng/server/testing';
import plugin from './index.ts';

/** Users and a school with the test roster (S001–S003 in class 101; the harness clock reads 2025-10-01, 114-1). */
export const librarian: TestUser = { userId: 'l-staff', name: '圖書館 讀者服務組長', roles: ['library-staff'] };
export const chen: TestUser = { userId: 's-chen', name: '陳小明', roles: ['student'] };
export const lin: TestUser = { userId: 's-lin', name: '林小華', roles: ['student'] };
export const registry: TestUser = { userId: 'r-staff', name: '註冊組長', roles: ['registry-staff'] };

export const book = { title: '被討厭的勇氣', author: '岸見一郎', date: '2025-09-20' };

export async function librarySchool(dialect: DialectName): Promise<TestLicheng> {
  const t = await createTestLicheng({ dialect, plugins: [plugin] });
  await seedRoster(t);
  return t;
}

/** A CSV upload of one kind's list, as the import takes it. */
export function listUpload(kind: string, text: string): FormData {
  const form = new FormData();
  form.set('kind', kind);
  form.set('file', new File([new TextEncoder().encode(text)], 'list.csv'));
  return form;
}
