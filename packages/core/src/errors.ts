import { activityLabels } from './activities.ts';
import { rocDateOf } from './date-reading.ts';
import { afterSchoolMessages } from './after-school-messages.ts';
import { receiptMessages } from './receipt-messages.ts';

export type Locale = 'zh-TW' | 'en';
export type LocalizedText = { 'zh-TW': string; en: string };
export type MessageParams = Record<string, string | number>;

const activityEntries = Object.fromEntries(
  Object.entries(activityLabels).map(([id, label]) => [`activity.${id}`, label]),
);

/**
 * Every message core or the server may show, in both locales, with `{name}` placeholders.
 *
 * Entries named `<param>.<value>` or `<code>.<param>.<value>` translate a parameter value:
 * `formatMessage('window-closed', { activity: 'outcome-upload' }, 'zh-TW')` shows
 * 「課程學習成果上傳」, and the entry for `course-code-invalid.reason.length` says why a course
 * code was refused. A value without such an entry is shown as it is.
 */
export const messages: Record<string, LocalizedText> = {
  // Access
  unauthenticated: { 'zh-TW': '請先登入', en: 'Please sign in.' },
  'token-expired': { 'zh-TW': '登入已逾時，請重新登入', en: 'Your session has expired; please sign in again.' },
  forbidden: { 'zh-TW': '您沒有執行此操作的權限', en: 'You are not allowed to do this.' },
  'not-found': { 'zh-TW': '找不到指定的資料', en: 'The requested item was not found.' },
  'account-departed': { 'zh-TW': '您已離職，帳號已停用；如有疑問請洽工作小組', en: 'You have left the school and your account is closed; please contact the working group.' },
  'account-certification-only': {
    'zh-TW': '您已離職，帳號僅保留至 {until} 供認證課程學習成果使用',
    en: 'You have left the school; your account is kept for certification only, until {until}.',
  },
  'proxy-scope-unknown': { 'zh-TW': '代理範圍「{scope}」不存在', en: 'There is no proxy scope "{scope}".' },
  'proxy-self': { 'zh-TW': '不能擔任自己的代理人', en: 'A person cannot be their own proxy.' },
  'proxy-duplicate': { 'zh-TW': '代理人名單中「{name}」重複', en: '"{name}" appears twice in the proxy list.' },
  'staff-unknown': { 'zh-TW': '找不到教職員帳號「{user}」', en: 'There is no staff member "{user}".' },
  'absence-dates': { 'zh-TW': '請假結束日不得早於開始日', en: 'An absence cannot end before it starts.' },
  'departure-dates': { 'zh-TW': '保留認證期限不得早於離職日', en: 'Certification access cannot end before the leaving date.' },
  'invalid-input': { 'zh-TW': '輸入的資料有誤，請檢查後再試', en: 'The input is not valid.' },
  'try-again': { 'zh-TW': '資料正被同時處理中，本次操作未寫入任何資料，請再試一次', en: 'The same data was being changed at the same moment; nothing was written. Please try again.' },
  'internal-error': { 'zh-TW': '系統發生錯誤，請稍後再試', en: 'Something went wrong; please try again later.' },

  // Storage faults: the disk or the database cannot take the write (nothing of the request was kept)
  'storage-full': {
    'zh-TW': '伺服器儲存空間已滿，檔案未儲存，也未寫入任何資料；請通知系統管理員，稍後再試',
    en: 'The server’s storage is full: the file was not saved and nothing was written. Please tell the system administrator and try again later.',
  },
  'storage-unavailable': {
    'zh-TW': '伺服器儲存空間目前無法寫入，檔案未儲存，也未寫入任何資料；請稍後再試或通知系統管理員',
    en: 'The server’s storage cannot be written right now: the file was not saved and nothing was written. Please try again later or tell the system administrator.',
  },
  // What a download reads when the store cannot answer (answered 503 with the code storage-unavailable)
  'storage-unreadable': {
    'zh-TW': '伺服器儲存空間目前無法讀取，檔案暫時無法開啟；請稍後再試或通知系統管理員',
    en: 'The server’s storage cannot be read right now, so the file cannot be opened. Please try again later or tell the system administrator.',
  },

  // Windows 作業期程
  'window-closed': { 'zh-TW': '「{activity}」的作業期間已於 {end} 結束', en: 'The window for {activity} closed on {end}.' },
  'window-not-open': {
    'zh-TW': '「{activity}」尚未開放，將於 {start} 開始',
    en: 'The window for {activity} is not open yet; it opens on {start}.',
  },
  'window-unscheduled': { 'zh-TW': '「{activity}」尚未排定作業期程', en: 'No window is scheduled for {activity}.' },
  'schedule-anchor-missing': { 'zh-TW': '相對期程所依據的作業期程不存在或已移除', en: 'The window this one is relative to does not exist or has been removed.' },
  'schedule-cycle': { 'zh-TW': '作業期程彼此循環相依（{ids}），無法算出日期', en: 'These windows depend on each other in a circle ({ids}); no dates can be worked out.' },
  'schedule-end-before-start': { 'zh-TW': '結束日 {end} 早於開始日 {start}', en: 'The window ends ({end}) before it starts ({start}).' },
  'schedule-window-collides': {
    'zh-TW': '同一學年度、學期、對象已有「{activity}」的作業期程（{start}–{end}）',
    en: 'A window for {activity} already covers the same year, semester and audience ({start} to {end}).',
  },
  'schedule-date-missing': { 'zh-TW': '請填寫{field}，或設定為相對於另一項作業期程', en: 'Give the {field}, or make it relative to another window.' },
  'schedule-reminder-leads-invalid': { 'zh-TW': '提醒天數須為 0 到 {max} 的整數天、彼此不同，至多 {count} 個', en: 'Reminder lead times are whole days from 0 to {max}, all different, at most {count}.' },
  'schedule-date-invalid': { 'zh-TW': '{field}不是有效的日期（應為 YYYY-MM-DD）', en: 'The {field} is not a valid date (YYYY-MM-DD).' },
  'field.start': { 'zh-TW': '開始日', en: 'start date' },
  'field.end': { 'zh-TW': '結束日', en: 'end date' },
  'field.selfCheck': { 'zh-TW': '自我檢核日期', en: 'self-check date' },
  'schedule-not-public': { 'zh-TW': '本校未公開作業期程，請登入後查看', en: 'This school does not publish its schedule; sign in to see it.' },
  'schedule-window-removed': { 'zh-TW': '此作業期程已移除；請先復原再修改', en: 'This window has been removed; restore it before changing it.' },
  'schedule-window-not-removed': { 'zh-TW': '此作業期程未被移除，無須復原', en: 'This window has not been removed; there is nothing to restore.' },
  'schedule-version-conflict': {
    'zh-TW': '此作業期程已被他人修改（目前第 {latest} 版），您的修改未儲存；請重新載入後再改',
    en: 'Someone else changed this window (now version {latest}); your change was not saved. Reload and change it again.',
  },
  'schedule-anchor-in-use': {
    'zh-TW': '仍有作業期程以此期程為基準（{count} 項），請先修改那些期程',
    en: '{count} other windows are relative to this one; change them first.',
  },
  ...activityEntries,

  // Caps
  'upload-cap-reached': { 'zh-TW': '上傳數量已達上限（{cap} 件）', en: 'The upload limit of {cap} items has been reached.' },
  'selection-cap-reached': {
    'zh-TW': '本學年度勾選數量已達上限（{cap} 件）',
    en: 'The selection limit of {cap} items for this academic year has been reached.',
  },

  // Files
  'file-too-large': { 'zh-TW': '{slot}檔案超過 {maxMb} MB 的上限', en: 'The {slot} file exceeds the {maxMb} MB limit.' },
  'pdf-too-many-pages': { 'zh-TW': '文件超過 {max} 頁的上限，請分批列印', en: 'The document would exceed {max} pages; print it in smaller parts.' },
  'file-type-not-allowed': {
    'zh-TW': '{slot}檔案格式不符，僅接受 {allowed}',
    en: 'This file type is not accepted as a {slot} file; allowed: {allowed}.',
  },
  'file-missing': { 'zh-TW': '請選擇要上傳的檔案', en: 'No file was provided.' },
  'file-empty': { 'zh-TW': '檔案內容是空的', en: 'The file is empty.' },
  'video-url-invalid': { 'zh-TW': '影音連結須為 https:// 開頭的網址（最多 {max} 字）', en: 'The video link must be an https:// address of at most {max} characters.' },
  'slot.document': { 'zh-TW': '文件', en: 'document' },
  'slot.media': { 'zh-TW': '影音', en: 'media' },
  'slot.spreadsheet': { 'zh-TW': '試算表', en: 'spreadsheet' },

  // Roster 名冊 (imports from the registry office, the host's roster)
  'not-on-roster': { 'zh-TW': '您的帳號（{user}）不在本校名冊中，請洽註冊組', en: 'Your account ({user}) is not on the school roster; please contact the registry office.' },
  'teacher-unknown': { 'zh-TW': '找不到教師代號「{teacherNo}」', en: 'Teacher "{teacherNo}" is not on the roster.' },
  'student-unknown': { 'zh-TW': '找不到學號「{studentNo}」', en: 'Student "{studentNo}" is not on the roster.' },
  'course-unknown': { 'zh-TW': '找不到 {academicYear} 學年度第 {semester} 學期的課程「{code}」', en: 'Course "{code}" of {academicYear}-{semester} does not exist.' },
  'import-xls-unsupported': { 'zh-TW': '不支援舊版 Excel (.xls) 檔，請在 Excel 另存為 .xlsx 或 CSV 後再匯入', en: 'Legacy Excel (.xls) files are not supported; save the file as .xlsx or CSV and import it again.' },
  'import-encoding-unknown': { 'zh-TW': '無法辨識檔案的文字編碼，請存成 UTF-8 或 Big5 的 CSV，或 Excel (.xlsx) 檔', en: 'The text encoding of the file is not recognised; save it as CSV in UTF-8 or Big5, or as an Excel (.xlsx) file.' },
  'import-file-unreadable': { 'zh-TW': '無法開啟此 Excel 檔，檔案可能已損毀或不是 .xlsx 活頁簿', en: 'This Excel file cannot be opened; it may be damaged or not an .xlsx workbook.' },
  'import-csv-invalid': { 'zh-TW': 'CSV 檔第 {line} 行格式錯誤（多半是引號未成對）', en: 'The CSV file is malformed at line {line} (often an unmatched quote).' },
  'import-teacher-unknown': { 'zh-TW': '找不到教師代號「{value}」，請先匯入教師名冊', en: 'Teacher "{value}" is not on the teacher roster; import the teachers first.' },
  'import-student-out-of-scope': { 'zh-TW': '學號「{value}」不是您可登錄的學生', en: 'Student "{value}" is not one you may enter records for.' },
  'import-student-unknown': { 'zh-TW': '找不到學號「{value}」，請先匯入學生名冊', en: 'Student "{value}" is not on the student roster; import the students first.' },
  'import-course-unknown': { 'zh-TW': '找不到開課資料「{value}」，請先匯入開課資料', en: 'The course offering "{value}" does not exist; import the course offerings first.' },
  'import-value-too-long': { 'zh-TW': '「{column}」不可超過 {max} 字（目前 {length} 字）', en: '"{column}" may be at most {max} characters (found {length}).' },
  'import-too-many-rows': { 'zh-TW': '檔案超過 {max} 筆資料列的上限，請分成幾個檔案匯入', en: 'The file has more than {max} data rows; split it into several files and import each.' },
  'import-too-many-columns': { 'zh-TW': '檔案超過 {max} 欄的上限，請刪除多餘的欄位後再匯入', en: 'The file has more than {max} columns; remove the extra columns and import it again.' },
  'import-course-other-school': { 'zh-TW': '課程代碼「{code}」的學校代碼為 {school}，不是本校的課程', en: 'Course code "{code}" belongs to school {school}, not this school.' },
  'import-concurrent': { 'zh-TW': '另一個匯入同時寫入了相同的資料，本次匯入未寫入任何資料，請重新匯入', en: 'Another import wrote the same rows at the same time; nothing of this import was written. Please import again.' },
  'import-host-user-taken': { 'zh-TW': '系統帳號「{value}」已屬於 {holder}', en: 'The host user ID "{value}" already belongs to {holder}.' },

  // Records and certification 認證
  'summary-required': { 'zh-TW': '請填寫成果簡述', en: 'A summary is required.' },
  'summary-too-long': { 'zh-TW': '成果簡述不可超過 {max} 字', en: 'The summary may be at most {max} characters.' },
  'already-decided': { 'zh-TW': '此項目已有認證結果，無法重複認證', en: 'This item has already been decided.' },
  'record-frozen': {
    'zh-TW': '此項目已通過認證，內容已鎖定，無法修改',
    en: 'This item has passed certification and can no longer be changed.',
  },
  ...afterSchoolMessages,
  'record-changed': { 'zh-TW': '此項目已被他人變更，請重新整理後再試', en: 'This item was changed by someone else; reload it and try again.' },
  'record-school-only': { 'zh-TW': '「{kind}」只留存在學校，不提供匯出', en: '"{kind}" stays in the school and is never exported.' },
  'advisee-target-required': { 'zh-TW': '請填寫學號或班級', en: 'Give a student number or a class.' },
  'import-class-unknown': { 'zh-TW': '班級「{value}」沒有在學學生', en: 'Class "{value}" has no enrolled students.' },
  'record-kind-not-here': { 'zh-TW': '此處室不登錄「{kind}」', en: 'This office does not keep "{kind}".' },
  'record-kind-no-files': { 'zh-TW': '「{kind}」不附檔案', en: '"{kind}" takes no files.' },
  'correction-reason-required': { 'zh-TW': '更正已通過的紀錄須填寫理由', en: 'Correcting a passed record needs a reason.' },
  'record-withdrawn': { 'zh-TW': '此項目已撤銷，無法再變更', en: 'This item has been withdrawn and can no longer be changed.' },
  'not-failed': { 'zh-TW': '只有未通過認證的項目可以重新送出', en: 'Only items that failed certification can be resubmitted.' },
  'resubmit-unchanged': {
    'zh-TW': '重新送出前請修改成果簡述或換上新的檔案：內容與未通過時相同',
    en: 'Change the summary or attach a new file before resubmitting: the item is the same as when it failed.',
  },
  'not-passed': { 'zh-TW': '只有通過認證的項目可以勾選', en: 'Only items that passed certification can be selected.' },
  'not-decided': { 'zh-TW': '此項目目前沒有可撤回的認證結果', en: 'This item has no decision to take back.' },
  'record-in-roster': {
    'zh-TW': '此項目已列入匯出的名冊，無法撤回認證結果',
    en: 'This item is in a roster that has been exported; its decision can no longer be taken back.',
  },
  // 自傳與學習計畫
  'version-conflict': {
    'zh-TW': '此文件已有較新的版本（第 {latest} 版），您這次的內容尚未儲存；請先複製保留，重新載入後再儲存',
    en: 'This document has a newer version ({latest}); what you wrote was not saved. Copy it, reload and save again.',
  },
  'essay-language-not-kept': { 'zh-TW': '本校不設此語文版本', en: 'The school does not keep this language version.' },
  'essay-submitted': {
    'zh-TW': '已送出檢核，等待檢核中；如需修改，請先取消送出',
    en: 'It is submitted and waiting to be checked; cancel the submission to change it.',
  },
  'essay-not-submitted': { 'zh-TW': '此文件目前沒有等待檢核的版本', en: 'This document has no version waiting to be checked.' },
  'essay-no-draft': { 'zh-TW': '尚未儲存任何草稿，無法送出', en: 'Nothing has been saved yet to submit.' },
  'essay-already-passed': { 'zh-TW': '此版本已通過檢核；修改後儲存新草稿，才能再送出', en: 'This version has already passed; save a changed draft to submit again.' },
  'essay-unchanged': { 'zh-TW': '退回修改後，請先修改並儲存新草稿，再送出檢核', en: 'It was returned: change it and save a new draft before submitting again.' },
  'essay-sections-blank': { 'zh-TW': '學習計畫尚有未填寫的段落：{sections}', en: 'Some sections of the study plan are still blank: {sections}.' },
  'essay-comment-required': { 'zh-TW': '退回修改時請填寫意見', en: 'A comment is required when returning it for changes.' },
  'essay-moved-on': {
    'zh-TW': '學生已修改或重新送出此文件，無法撤回這次的檢核結果',
    en: 'The student has changed or resubmitted this document since; the decision can no longer be taken back.',
  },
  'reason-required': { 'zh-TW': '認證未通過時，請填寫原因', en: 'A reason is required when an item fails certification.' },
  'record-kind-unknown': { 'zh-TW': '未知的紀錄類別：{kind}', en: 'Unknown record kind: {kind}.' },

  // Course codes 課程代碼 and the course plan
  'course-code-invalid': { 'zh-TW': '課程代碼錯誤：{reason}', en: 'Invalid course code: {reason}.' },
  'course-code-invalid.reason.length': {
    'zh-TW': '應為 23 碼（目前為 {length} 碼）',
    en: 'it must be 23 characters long (found {length})',
  },
  'course-code-invalid.reason.characters': {
    'zh-TW': '只能使用大寫英文字母與數字（第 {position} 碼為「{char}」）',
    en: 'only uppercase letters A-Z and digits are allowed (character {position} is "{char}")',
  },
  'course-code-invalid.reason.entry-year': {
    'zh-TW': '第 1–3 碼入學年度「{value}」不正確',
    en: 'the entry year in characters 1-3 ("{value}") is not valid',
  },
  'course-code-invalid.reason.school-code': {
    'zh-TW': '第 4–9 碼學校代碼「{value}」應為 6 位數字',
    en: 'the school code in characters 4-9 ("{value}") must be 6 digits',
  },
  'course-code-invalid.reason.class-group': {
    'zh-TW': '第 16 碼班群「{value}」應為 0–4 或學校自訂英文字母',
    en: 'the class group in character 16 ("{value}") must be 0-4 or a school-defined letter',
  },
  'credits-pattern-invalid': {
    'zh-TW': '六學期學分「{value}」格式錯誤（應為 6 碼，每碼為 0–9、A–I、R、S、T 或 Z）',
    en: 'Six-semester credits "{value}" are not valid (6 characters, each 0-9, A-I, R, S, T or Z).',
  },
  'course-plan-json-invalid': {
    'zh-TW': '課程計畫 JSON 格式不符：應為 [{ 實施學年度, 課程類型, 課程資料: [...] }]',
    en: 'The course plan JSON does not have the expected shape [{ 實施學年度, 課程類型, 課程資料: [...] }].',
  },
  'course-plan-rows-invalid': {
    'zh-TW': '課程計畫有 {count} 個問題，未匯入任何資料；請依預覽報告修正後重新匯入',
    en: 'The course plan has {count} problems; nothing was imported. Fix them as the preview reports and import again.',
  },
  'course-plan-cell-invalid': { 'zh-TW': '「{column}」{reason}：「{value}」', en: '"{column}" {reason}: "{value}".' },
  'course-plan-cell-invalid.reason.missing': { 'zh-TW': '未填', en: 'is empty' },
  'course-plan-cell-invalid.reason.year': { 'zh-TW': '應為 108 以後的三位數學年度', en: 'must be a three-digit academic year from 108' },
  'course-plan-cell-invalid.reason.other-year': { 'zh-TW': '與匯入的實施學年度不同', en: 'is not the 實施學年度 being imported' },
  'course-plan-cell-invalid.reason.code-length': { 'zh-TW': '應為 23 碼', en: 'must be 23 characters long' },
  'course-plan-cell-invalid.reason.code-characters': { 'zh-TW': '只能使用大寫英文字母與數字', en: 'may hold only letters A-Z and digits' },
  'course-plan-cell-invalid.reason.code-entry-year': { 'zh-TW': '第 1–3 碼入學年度不正確', en: 'has an invalid entry year in characters 1-3' },
  'course-plan-cell-invalid.reason.code-school-code': { 'zh-TW': '第 4–9 碼學校代碼應為 6 位數字', en: 'needs 6 digits of school code in characters 4-9' },
  'course-plan-cell-invalid.reason.code-class-group': { 'zh-TW': '第 16 碼班群應為 0–4 或英文字母', en: 'needs a class group 0-4 or a letter in character 16' },
  'course-plan-cell-invalid.reason.code-category': { 'zh-TW': '第 17 碼課程類別不在代碼表（1–9、A–F）', en: 'has a course category (character 17) outside the list 1-9, A-F' },
  'course-plan-cell-invalid.reason.code-attribute': { 'zh-TW': '第 19 碼科目屬性不在代碼表（0–6、A–I）', en: 'has a subject attribute (character 19) outside the list 0-6, A-I' },
  'course-plan-cell-invalid.reason.code-domain': { 'zh-TW': '第 20–21 碼領域不在代碼表（00–09）', en: 'has a domain (characters 20-21) outside the list 00-09' },
  'course-plan-cell-invalid.reason.other-school': { 'zh-TW': '學校代碼不是本校', en: 'belongs to another school' },
  'course-plan-cell-invalid.reason.duplicate': { 'zh-TW': '在檔案中重複出現', en: 'appears more than once in the file' },
  'course-plan-cell-invalid.reason.too-long': { 'zh-TW': '太長', en: 'is too long' },
  'course-plan-cell-invalid.reason.credits': { 'zh-TW': '應為 6 碼，每碼為 0–9、A–I、R、S、T 或 Z', en: 'must be 6 characters, each 0-9, A-I, R, S, T or Z' },
  'course-plan-cell-invalid.reason.modes': { 'zh-TW': '應為 6 碼（每學期一碼，未開課為 -）', en: 'must be 6 characters, one per semester (- where not offered)' },
  'course-plan-cell-invalid.reason.attributes-mismatch': { 'zh-TW': '與課程代碼第 17、19–21 碼不符', en: 'does not match characters 17 and 19-21 of the course code' },
  'course-plan-cell-invalid.reason.attributes': { 'zh-TW': '應為 4 碼', en: 'must be 4 characters' },
  'course-plan-line-invalid': { 'zh-TW': '課程計畫資料列錯誤：{reason}', en: 'Invalid course plan line: {reason}.' },
  'course-plan-line-invalid.reason.empty': { 'zh-TW': '空白列', en: 'the line is empty' },
  'course-plan-line-invalid.reason.fields': {
    'zh-TW': '欄位不足，至少需要課程代碼、科目名稱與六學期學分',
    en: 'it needs at least a course code, a subject name and the six-semester credits',
  },
  'course-plan-line-invalid.reason.subject-name': { 'zh-TW': '缺少科目名稱', en: 'the subject name is missing' },

  // Dates and terms
  'date-invalid': { 'zh-TW': '日期「{value}」無法辨識或不存在', en: 'The date "{value}" is not recognised or does not exist.' },
  'semester-invalid': { 'zh-TW': '學期「{value}」不正確', en: 'The semester "{value}" is not valid.' },
  'school-code-invalid': { 'zh-TW': '學校代碼「{value}」應為 6 位數字', en: 'The school code "{value}" must be 6 digits.' },

  // Roster import 名冊匯入
  'import-header-missing': { 'zh-TW': '缺少必要欄位「{column}」', en: 'The required column "{column}" is missing.' },
  'import-header-duplicate': {
    'zh-TW': '欄位「{column}」在標題列出現多次',
    en: 'The column "{column}" appears more than once in the header row.',
  },
  'import-mapping-invalid': {
    'zh-TW': '欄位對應錯誤：標題列找不到「{header}」（對應「{column}」）',
    en: 'Column mapping error: "{header}" (for "{column}") is not in the header row.',
  },
  'import-empty': { 'zh-TW': '檔案中沒有任何資料列', en: 'The file has no data rows.' },
  // Grades 學期成績 (ROSTERS §4)
  'grade-kept-out': {
    'zh-TW': '課程代碼「{course}」為團體活動時間或彈性學習時間（課程類別 8 或 9），科目屬性不是 D，不列入成績名冊，請刪除此列',
    en: 'Course code "{course}" is group-activity or flexible-learning time (category 8 or 9) without subject attribute D; such rows are kept out of grade rosters. Remove the row.',
  },
  'grade-credit-9d': {
    'zh-TW': '課程代碼「{course}」為課程類別 9 且科目屬性 D，「是否採計學分」必須為 3（目前為 {value}）',
    en: 'Course code "{course}" has category 9 and attribute D, so "credit counted" must be 3 (found {value}).',
  },
  'grade-context-required': { 'zh-TW': '{take}須填「{column}」', en: 'A {take} row needs "{column}".' },
  'grade-status-code-unknown': {
    'zh-TW': '學籍異動代碼「{value}」無法判定轉學轉科的身分別',
    en: 'The status change code "{value}" does not give a transfer identity (身分別).',
  },
  'grade-course-unknown': { 'zh-TW': '課程代碼「{value}」不在開課資料中，請先匯入開課資料', en: 'Course code "{value}" is not among the course offerings; import the course offerings first.' },
  'grade-not-found': { 'zh-TW': '找不到這筆成績', en: 'This grade was not found.' },
  'appeal-not-found': { 'zh-TW': '找不到這筆複查申請', en: 'This appeal was not found.' },
  'appeal-answered': { 'zh-TW': '這筆複查申請已回覆，不可再修改', en: 'This appeal has already been answered.' },
  'correction-stale': {
    'zh-TW': '預覽後有成績已被修改，本次更正未寫入任何資料，請重新預覽',
    en: 'Some grades changed after the preview; nothing was corrected. Preview again.',
  },
  'status-change-exists': { 'zh-TW': '這位學生在 {date} 已有同類的學籍異動', en: 'This student already has a change of this kind on {date}.' },
  'correction-empty': { 'zh-TW': '沒有符合條件的成績', en: 'No grade matches the pattern.' },
  'take.term': { 'zh-TW': '學期成績', en: 'term grade' },
  'take.make-up': { 'zh-TW': '補修成績', en: 'make-up' },
  'take.retake': { 'zh-TW': '重修成績', en: 'retake' },
  'take.repeat-year': { 'zh-TW': '重讀成績', en: 'repeat-year' },
  'take.transfer': { 'zh-TW': '轉學轉科成績', en: 'transfer' },
  'take.borrowed': { 'zh-TW': '借讀成績', en: 'borrowed-study' },
  'take.night': { 'zh-TW': '進修部學期成績', en: 'night-division' },
  'import-value-required': { 'zh-TW': '「{column}」為必填', en: '"{column}" is required.' },
  'import-date-invalid': { 'zh-TW': '「{column}」的日期「{value}」無法辨識或不存在（例：115/11/27）', en: 'The date "{value}" of "{column}" is not recognised or does not exist (e.g. 2026-11-27).' },
  'import-code-invalid': { 'zh-TW': '「{column}」的「{value}」不是可用的代碼（{codes}）', en: '"{value}" is not a valid code for "{column}" ({codes}).' },
  'import-decimal-invalid': { 'zh-TW': '「{column}」應為 {min} 到 {max} 的數字（目前為「{value}」）', en: '"{column}" must be a number from {min} to {max} (found "{value}").' },
  'field-required': { 'zh-TW': '「{field}」為必填', en: '"{field}" is required.' },
  'field-date-invalid': { 'zh-TW': '「{field}」的日期「{value}」不正確', en: 'The date "{value}" of "{field}" is not valid.' },
  'field-code-invalid': { 'zh-TW': '「{field}」的「{value}」不是可用的代碼（{codes}）', en: '"{value}" is not a valid code for "{field}" ({codes}).' },
  'field-integer-range': { 'zh-TW': '「{field}」應為 {min} 到 {max} 的整數', en: '"{field}" must be a whole number from {min} to {max}.' },
  'field-decimal-range': { 'zh-TW': '「{field}」應為 {min} 到 {max} 的數字', en: '"{field}" must be a number from {min} to {max}.' },
  'import-value-invalid': { 'zh-TW': '「{column}」的內容「{value}」不正確', en: 'The value "{value}" of "{column}" is not valid.' },
  'import-number-invalid': {
    'zh-TW': '「{column}」應為 {min} 到 {max} 的整數（目前為「{value}」）',
    en: '"{column}" must be a whole number from {min} to {max} (found "{value}").',
  },
  'import-national-id-invalid': {
    'zh-TW': '身分證號「{value}」格式或檢查碼錯誤',
    en: 'The national ID "{value}" has a wrong format or check digit.',
  },
  'import-email-invalid': { 'zh-TW': '電子郵件「{value}」格式錯誤', en: 'The e-mail address "{value}" is not valid.' },
  'import-division-invalid': {
    'zh-TW': '部別「{value}」無法辨識（請填日間部或進修部）',
    en: 'The division "{value}" is not recognised (use day or night).',
  },
  'import-take-kind-invalid': {
    'zh-TW': '修課別「{value}」無法辨識（請填 1 新修、2 重修或 3 補修）',
    en: 'The kind of taking "{value}" is not recognised (use 1 new, 2 retake or 3 make-up).',
  },
  'import-school-code-invalid': { 'zh-TW': '「{column}」的「{value}」不是學校代碼（應為 6 位數字）', en: '"{value}" of "{column}" is not a school code (6 digits).' },
  'import-duplicate-row': { 'zh-TW': '與第 {firstRow} 列重複（{key}）', en: 'Duplicates row {firstRow} ({key}).' },

  // Working group 工作小組 (plugins/working-group)
  'wg-role-taken': { 'zh-TW': '{academicYear} 學年度已有{role}（{name}），請先結束其任期或將其改為委員', en: 'Academic year {academicYear} already has a {role} ({name}); end that membership or make them a member first.' },
  'wg-role-taken.role.convenor': { 'zh-TW': '召集人', en: 'convenor' },
  'wg-role-taken.role.executive-secretary': { 'zh-TW': '執行秘書', en: 'executive secretary' },
  'wg-role-taken.role.member': { 'zh-TW': '委員', en: 'member' },
  'wg-member-ended': { 'zh-TW': '這位成員的任期已結束（{endedOn}），請先恢復再修改', en: 'This membership ended on {endedOn}; restore it before changing it.' },
  'wg-member-active': { 'zh-TW': '這位成員仍在任，沒有可恢復的結束紀錄', en: 'This member is still serving; there is no ended membership to restore.' },
  'wg-attendance-unknown': { 'zh-TW': '出席名單中有不是 {academicYear} 學年度工作小組成員的人', en: 'The attendance lists someone who is not a member of the group in academic year {academicYear}.' },
  'wg-date-outside-term': { 'zh-TW': '「{field}」{date} 不在 {academicYear} 學年度第 {semester} 學期內', en: '"{field}" {date} is not in semester {semester} of academic year {academicYear}.' },
  'wg-held-in-future': { 'zh-TW': '辦理日期 {date} 尚未到來，請待辦理後再填寫', en: 'The held date {date} has not come yet; fill it in once the training is held.' },
  'wg-evaluation-not-open': {
    'zh-TW': '{academicYear} 學年度的成效評核及獎勵於該學年度第 2 學期辦理，現在不能提出建議或議決',
    en: 'The evaluation and awards of academic year {academicYear} take place in its second semester; no proposal or decision can be recorded now.',
  },
  'wg-not-executive-secretary': {
    'zh-TW': '敘獎建議由 {academicYear} 學年度工作小組的執行秘書提出；您不是在任的執行秘書',
    en: 'Award proposals are made by the executive secretary of the group of academic year {academicYear}; you are not the serving executive secretary.',
  },
  'wg-award-decided': { 'zh-TW': '這項敘獎建議已有工作小組的決議，不能再議決、修改或撤回', en: 'The group has already decided on this proposal; it cannot be decided again, changed or withdrawn.' },
  'wg-award-withdrawn': { 'zh-TW': '這項敘獎建議已撤回，請先復原再議決', en: 'This proposal was withdrawn; restore it before deciding on it.' },
  'wg-award-change-needed': { 'zh-TW': '「改列」須選擇與建議不同的獎勵種類或次數；相同請選「照案通過」', en: '"Changed" needs an award other than the one proposed; choose "approved" for the same award.' },
  'wg-award-meeting': { 'zh-TW': '議決須依據 {academicYear} 學年度第 2 學期已召開的工作小組會議', en: 'A decision must refer to a meeting of the group held in semester 2 of academic year {academicYear}.' },
  'wg-attendance-not-held': { 'zh-TW': '尚未辦理的研習不能登錄出席人數，請先填寫辦理日期', en: 'A training not held yet has no attendance; fill in the held date first.' },

  // Rosters 名冊
  'roster-kind-unknown': { 'zh-TW': '未知的名冊別：{kind}', en: 'Unknown roster kind: {kind}.' },
  'roster-export-not-found': { 'zh-TW': '找不到這份名冊匯出：{id}', en: 'No such roster export: {id}.' },
  'roster-already-submitted': { 'zh-TW': '這份名冊已標記為已提交：{file}（提交快照不可重複或修改，請重新產生名冊後再標記）', en: 'This roster export is already marked as submitted: {file}. Snapshots are never repeated or changed; export again to submit again.' },
  'roster-layout-unknown': { 'zh-TW': '找不到名冊版面：{roster} {version}', en: 'No roster layout {roster} {version}.' },
  'roster-number-unset': {
    'zh-TW': '「{roster}」的名冊別尚未設定：沒有公開資料載明此名冊的名冊別，請依中央資料庫的範本在學校設定 {setting} 填入後再產生',
    en: 'The roster number (名冊別) of {roster} is not set: no source gives it. Set {setting} in the school configuration from the central database’s template, then export.',
  },
  'roster-first-batch-missing': {
    'zh-TW': '「{roster}」第二梯次只提交第一梯次之後新增或修改的資料（學校設定 rosters.secondBatch），但 {academicYear} 學年度尚未產生第一梯次（名冊別 {kind}）：請先產生第一梯次',
    en: 'The second batch of {roster} carries only what changed after the first (school setting rosters.secondBatch), but no first batch (roster number {kind}) of {academicYear} was exported yet: export the first batch first.',
  },
  'roster-layout-version-unknown': { 'zh-TW': '名冊「{roster}」沒有版面版本「{version}」', en: 'Roster {roster} has no layout version "{version}".' },
  'roster-column-unfilled': {
    'zh-TW': '名冊「{sheet}」的欄位「{column}」沒有資料可填（身分證號 {nationalId}）：請先補齊註冊組的成績資料，或確認名冊版面',
    en: 'Nothing fills column {column} of sheet {sheet} (national ID {nationalId}): complete the registry’s grade record or check the roster layout.',
  },
  'roster-number-taken': { 'zh-TW': '名冊別 {value} 已是「{label}」的名冊別，不能設定給其他名冊', en: 'Roster number {value} already belongs to {label}; it cannot be set for another roster.' },

  // Receipt 收訖明細 (plugins/receipt): receipt-messages.ts
  ...receiptMessages,

  // Practicum 實習處 (plugins/practicum)
  'certificate-duplicate': { 'zh-TW': '學號「{studentNo}」已登錄證照號碼「{number}」的證照', en: 'Student "{studentNo}" already has a certificate numbered "{number}".' },
  'certificate-date-future': { 'zh-TW': '發證日期 {date} 晚於今天', en: 'The date of issue {date} is later than today.' },
  'internship-dates-reversed': { 'zh-TW': '結束日期 {end} 早於開始日期 {start}', en: 'The end date {end} is before the start date {start}.' },

  // Free text and roster integrity (docs/security.md, Input rules)
  'text-control-character': {
    'zh-TW': '文字含有不允許的控制字元 {char}（第 {position} 字），請刪除後再送出',
    en: 'The text contains the control character {char} (character {position}), which is not allowed; remove it and try again.',
  },
  'text-line-break': { 'zh-TW': '此欄只能填一行文字，不可換行（第 {position} 字）', en: 'This field takes a single line; remove the line break (character {position}).' },
  'text-malformed': { 'zh-TW': '文字含有無效的字元編碼，請重新輸入', en: 'The text contains an invalid character encoding; type it again.' },
  'text-blank': { 'zh-TW': '內容不可空白（只有空白或看不見的字元）', en: 'The text is blank (only spaces or invisible characters).' },
  'text-too-long': { 'zh-TW': '文字不可超過 {max} 字（目前 {length} 字）', en: 'The text may be at most {max} characters (found {length}).' },
  'import-text-control-character': {
    'zh-TW': '「{column}」含有不允許的控制字元 {char}（第 {position} 字）',
    en: '"{column}" contains the control character {char} (character {position}), which is not allowed.',
  },
  'import-text-line-break': { 'zh-TW': '「{column}」只能填一行文字，不可換行', en: '"{column}" takes a single line; remove the line break.' },
  'import-text-malformed': { 'zh-TW': '「{column}」含有無效的字元編碼', en: '"{column}" contains an invalid character encoding.' },
  'roster-national-id-taken': {
    'zh-TW': '身分證號「{value}」已屬於學號「{holder}」的學生',
    en: 'The national ID "{value}" already belongs to student "{holder}".',
  },
  'roster-seat-taken': {
    'zh-TW': '{className} 班 {seatNo} 號已是學號「{holder}」的座號',
    en: 'Seat {seatNo} of class {className} is already held by student "{holder}".',
  },
  'roster-host-user-student': {
    'zh-TW': '系統帳號「{value}」已是學號「{holder}」學生的帳號，不可作為教師帳號',
    en: 'The host user ID "{value}" is the account of student "{holder}"; it cannot be a teacher\'s.',
  },
  'roster-host-user-teacher': {
    'zh-TW': '系統帳號「{value}」已是教師代號「{holder}」教師的帳號，不可作為學生帳號',
    en: 'The host user ID "{value}" is the account of teacher "{holder}"; it cannot be a student\'s.',
  },

  // Classes 班級 and their homeroom teachers (導師)
  'class-unknown': { 'zh-TW': '找不到 {academicYear} 學年度的班級「{className}」', en: 'Class "{className}" of academic year {academicYear} does not exist.' },
  'class-not-homeroom': { 'zh-TW': '您不是 {academicYear} 學年度「{className}」班的導師，無法查看該班資料', en: 'You are not the homeroom teacher of class "{className}" in academic year {academicYear}.' },
  'class-past-year': {
    'zh-TW': '班級進度只能查看本學年度（{current} 學年度）：學生名冊只保存每位學生目前的班級',
    en: 'Class progress covers the current academic year ({current}) only: the roster keeps only each student’s current class.',
  },

  // Audit trail 稽核紀錄 (plugins/registry)
  'audit-export-too-large': {
    'zh-TW': '符合條件的稽核紀錄有 {count} 筆，超過匯出上限 {max} 筆；請縮小日期範圍或加上其他條件後再匯出',
    en: '{count} audit entries match, more than the export limit of {max}; narrow the dates or add a filter, then export again.',
  },
  'audit-date-range': { 'zh-TW': '起日 {from} 晚於迄日 {to}', en: 'The start date {from} is after the end date {to}.' },
};

/** Every key of the catalogue, including the parameter-value entries. */
export const messageCodes: readonly string[] = Object.keys(messages);

const PLACEHOLDER = /\{([A-Za-z][\w-]*)\}/g;
/** Parameters that hold an ISO date: shown in 民國 (114/10/02) in zh-TW, as ISO in English. */
const DATE_PARAMS = new Set(['start', 'end', 'from', 'to', 'date', 'importedAt']);

function render(key: string, params: MessageParams, locale: Locale, depth: number): string | undefined {
  const entry = messages[key];
  if (!entry) return undefined;
  return entry[locale].replace(PLACEHOLDER, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    if (typeof value === 'string' && depth < 2) {
      const nested =
        render(`${key}.${name}.${value}`, params, locale, depth + 1) ?? render(`${name}.${value}`, params, locale, depth + 1);
      if (nested !== undefined) return nested;
      if (locale === 'zh-TW' && DATE_PARAMS.has(name)) return rocDateOf(value) ?? value;
    }
    return String(value);
  });
}

/**
 * The text of `code` in `locale` with its `{name}` placeholders filled from `params`.
 * An unknown code is returned as it is; a missing parameter leaves its placeholder.
 */
export function formatMessage(code: string, params: MessageParams = {}, locale: Locale = 'zh-TW'): string {
  return render(code, params, locale, 0) ?? code;
}

/** A broken domain rule. `code` names a catalogue entry; `message` is its English text. */
export class DomainError extends Error {
  code: string;
  params: MessageParams;

  constructor(code: string, params: MessageParams = {}) {
    super(formatMessage(code, params, 'en'));
    this.name = 'DomainError';
    this.code = code;
    this.params = params;
  }

  /** The message in the given locale. */
  format(locale: Locale): string {
    return formatMessage(this.code, this.params, locale);
  }
}

export function isDomainError(value: unknown): value is DomainError {
  return value instanceof DomainError;
}
