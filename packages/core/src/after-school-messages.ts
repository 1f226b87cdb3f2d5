import type { LocalizedText } from './errors.ts';

/** The catalogue's entries for the portfolio after school: sealed graduates, transfer packages, consent (ADR 0033, 0034). */
export const afterSchoolMessages: Record<string, LocalizedText> = {
  'student-sealed': {
    'zh-TW': '{name} 已畢業，學習歷程已封存（唯讀），不能再新增或變更紀錄',
    en: '{name} has graduated: the portfolio is sealed (read-only) and its records cannot be added to or changed.',
  },
  'record-imported-read-only': { 'zh-TW': '此紀錄由 {school} 轉入，為唯讀副本，不能變更', en: 'This record was imported from school {school}; it is a read-only copy and cannot be changed.' },
  'transfer-package-unreadable': { 'zh-TW': '無法讀取轉學資料包（不是有效的 ZIP 檔）', en: 'The transfer package cannot be read (not a valid ZIP file).' },
  'transfer-package-too-large': { 'zh-TW': '轉學資料包超過 {maxMb} MB 上限', en: 'The transfer package is larger than the {maxMb} MB limit.' },
  'transfer-package-manifest-missing': { 'zh-TW': '轉學資料包缺少 manifest.json', en: 'The transfer package has no manifest.json.' },
  'transfer-package-manifest-invalid': { 'zh-TW': '轉學資料包的 manifest.json 格式有誤：{detail}', en: 'The manifest.json of the transfer package is not valid: {detail}' },
  'transfer-package-version': { 'zh-TW': '不支援的轉學資料包版本 {version}（本系統讀取第 {supported} 版）', en: 'Transfer package version {version} is not supported (this system reads version {supported}).' },
  'transfer-package-file-missing': { 'zh-TW': '轉學資料包缺少檔案 {sha}', en: 'The transfer package lacks the file {sha}.' },
  'transfer-package-file-mismatch': { 'zh-TW': '檔案 {sha} 的內容與 SHA-256 不符', en: 'The content of file {sha} does not match its SHA-256.' },
  'transfer-package-file-too-large': { 'zh-TW': '檔案 {sha} 超過該欄位的大小上限', en: 'File {sha} is larger than its slot allows.' },
  'transfer-export-file-missing': { 'zh-TW': '儲存區找不到檔案 {sha}，無法產生完整的轉學資料包', en: 'File {sha} is missing from storage; a complete transfer package cannot be made.' },
  'transfer-package-duplicate-record': { 'zh-TW': '轉學資料包中紀錄 {origin} 重複出現', en: 'Record {origin} appears twice in the transfer package.' },
  'transfer-package-own-school': { 'zh-TW': '這是本校匯出的轉學資料包，不能匯入本校', en: 'This package was exported by this school and cannot be imported here.' },
  'transfer-student-not-found': {
    'zh-TW': '本校沒有身分證號與出生日期相符的學生，請填寫新學號以建立學生',
    en: 'No student of this school has this national ID and birth date; give a new student number to create the student.',
  },
  'transfer-student-no-taken': { 'zh-TW': '學號 {studentNo} 已被其他學生使用', en: 'Student number {studentNo} belongs to another student.' },
  'consent-not-given': { 'zh-TW': '目前沒有有效的同意，無需撤回', en: 'There is no consent in force to withdraw.' },
  'consent-year-not-yours': { 'zh-TW': '{year} 學年度不在您可選擇的範圍內', en: 'Academic year {year} is not one you can choose.' },
};
