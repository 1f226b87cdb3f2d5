import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { OFFICE_ROLES, parseSchoolConfig, recordKindPolicy, type Role } from '@licheng/core';
import { describe, expect, it } from 'vitest';
import { readConfigFile } from './testing/seed-schools.ts';

const fragment = path.join(path.dirname(fileURLToPath(import.meta.url)), '../config/fragments/seed-000-record-kinds.json');

/** 學習歷程檔案建置各處室作業分概況表 (seed 000): item, 上傳資料負責單位, 認證單位, as roles. */
const offices = [...OFFICE_ROLES];
const TABLE: Array<[item: string, kind: string, enterers: Role[], certifiers: Role[]]> = [
  ['輔導資料填寫 學生 / 輔導室', 'counseling', ['student'], ['counseling-staff']],
  ['中/英文自傳 學生 / 任課教師', 'autobiography', ['student'], ['subject-teacher']],
  ['體適能資料 學生/體育組 / 學務處體育組', 'fitness', ['student', 'pe-staff'], ['pe-staff']],
  ['考試成績紀錄、歷年學業成績 註冊組 / 教務處註冊組', 'course-record', ['registry-staff'], ['registry-staff']],
  ['出勤曠課紀錄 生輔組 / 學務處生輔組', 'attendance', ['discipline-staff'], ['discipline-staff']],
  ['獎勵懲罰紀錄 生輔組 / 學務處生輔組', 'reward-punishment', ['discipline-staff'], ['discipline-staff']],
  ['幹部資料 訓育組 / 學務處訓育組', 'cadre', ['activities-staff'], ['activities-staff']],
  ['社團資料 社團活動組 / 學務處訓育組', 'club', ['clubs-staff'], ['activities-staff']],
  ['校內外競賽 各處室/各科 / 各處室/各科', 'competition-in', offices, offices],
  ['自行參加之校外競賽 學生/各處室/各科 / 各處室/各科', 'competition-self', ['student', ...offices], offices],
  ['課外課程（含教育旅行） 學生/訓育組 / 學務處訓育組', 'extracurricular', ['student', 'activities-staff'], ['activities-staff']],
  ['校內服務時數 各處室 / 各處室', 'service-hours-in', offices, offices],
  ['校外服務時數 學生/訓育組 / 學務處訓育組', 'service-hours-out', ['student', 'activities-staff'], ['activities-staff']],
  ['技能證照 就業組 / 實習處就業組', 'skill-certificate', ['practicum-staff'], ['practicum-staff']],
  ['校外實習 實習處相關單位 / 實習處相關單位', 'internship', ['practicum-staff'], ['practicum-staff']],
  ['工作經歷 實習處相關單位 / 實習處相關單位', 'work-experience', ['practicum-staff'], ['practicum-staff']],
  ['課程學習成果（含專題） 學生 / 任課教師', 'outcome', ['student'], ['subject-teacher']],
  ['閱讀紀錄 學生 / 圖書館', 'reading', ['student'], ['library-staff']],
];

describe("seed 000's table as configuration alone", () => {
  const config = parseSchoolConfig({ code: '120401', name: '測試高中', type: 'vocational', ...(readConfigFile(fragment) as object) });

  it.each(TABLE)('%s', (_item, kind, enterers, certifiers) => {
    expect(recordKindPolicy(config, kind)).toEqual({ enterers, certifiers });
  });

  it('covers every row of the table and nothing beyond study-plan, which follows 自傳', () => {
    expect(Object.keys(config.recordKinds).sort()).toEqual([...TABLE.map((row) => row[1]), 'study-plan'].sort());
    expect(recordKindPolicy(config, 'study-plan')).toEqual(recordKindPolicy(config, 'autobiography'));
  });
});
