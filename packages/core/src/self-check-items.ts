import type { LocalizedText } from './errors.ts';

/**
 * 自我檢核表 — the working group's self-check, as versioned data with its sources.
 *
 * The national slides (seed 003) name the 自我檢核表 on slides 22–27 (「自我檢核表 評核管考」), but
 * the table itself was an image: the extracted text holds only its title. So no item below is
 * copied from that form. Each item is a duty the slides or the school regulations state in
 * words, with the place it is stated; nothing is added that the sources do not show. When the
 * national form's own wording becomes available, it is a new version of this list.
 */

export type SelfCheckSection = 'rules' | 'group' | 'schedule' | 'data' | 'receipt' | 'evaluation';
/** Answered from the platform's data, or by a person (yes/no with a note). */
export type SelfCheckMode = 'auto' | 'hand';

export interface SelfCheckSource {
  /** The seed document: 000 虎尾, 001 啟明, 002 羅東, 003 國教署 slides. */
  doc: '000' | '001' | '002' | '003';
  /** Where in it (slide, rule, line of the extracted text). */
  where: string;
  /** The words the item rests on, as extracted. */
  quote: string;
}

export interface SelfCheckItem {
  id: string;
  section: SelfCheckSection;
  mode: SelfCheckMode;
  text: LocalizedText;
  sources: SelfCheckSource[];
}

export interface SelfCheckList {
  version: string;
  /** What the list rests on and what is missing from the sources. */
  note: LocalizedText;
  items: SelfCheckItem[];
}

const item = (id: string, section: SelfCheckSection, mode: SelfCheckMode, zh: string, en: string, ...sources: SelfCheckSource[]): SelfCheckItem => ({ id, section, mode, text: { 'zh-TW': zh, en }, sources });

export const SELF_CHECK_SECTIONS: Record<SelfCheckSection, LocalizedText> = {
  rules: { 'zh-TW': '補充規定', en: 'Supplementary rules' },
  group: { 'zh-TW': '工作小組運作', en: 'The working group' },
  schedule: { 'zh-TW': '作業期程', en: 'Schedule' },
  data: { 'zh-TW': '資料建置', en: 'Building the data' },
  receipt: { 'zh-TW': '收訖明細及確認', en: 'Receipt confirmation' },
  evaluation: { 'zh-TW': '評核管考', en: 'Evaluation' },
};

export const SELF_CHECK_LIST: SelfCheckList = {
  version: '2026-11-28.1',
  note: {
    'zh-TW': '國教署簡報第 22–27 頁標題為「自我檢核表 評核管考」，但表格內容為圖片，文字檔中沒有題目；以下各題取自簡報與各校補充規定明文所列之工作，每題註明出處。',
    en: 'Slides 22–27 of the K12EA deck are titled “self-check form / evaluation”, but the form is an image and its items are not in the text; each item below is a duty the slides or the school regulations state in words, with its source.',
  },
  items: [
    item('rules-complete', 'rules', 'hand', '補充規定是否依作業要點完整訂定？', 'Are the supplementary rules complete under the national guidelines?',
      { doc: '003', where: '要點五之二 (line 148–151)', quote: '各校應訂定「OOOOOO學校學生學習歷程檔案作業補充規定」 訂定 •是否依要點完整訂定?' }),
    item('rules-passed', 'rules', 'hand', '補充規定是否經校務會議通過？', 'Did the school affairs meeting pass the supplementary rules?',
      { doc: '003', where: '要點五之二 (line 153)', quote: '會議 •是否經校務會議通過?' }),
    item('rules-published', 'rules', 'hand', '補充規定是否公告於學校網站？', 'Are the supplementary rules published on the school website?',
      { doc: '003', where: '要點五之二 (line 155)', quote: '公告 •是否公告學校網站?' }),
    item('group-leads', 'group', 'auto', '工作小組由校長擔任召集人，並設執行秘書（教務主任）。', 'The principal convenes the group, with an executive secretary (dean of studies).',
      { doc: '003', where: '要點五之一 (line 34–36, 98–99)', quote: '由校長擔任召集人 … 執行秘書 教務主任' },
      { doc: '001', where: '貳 (line 59)', quote: '其中校長擔任召集人，教務主任為執行秘書。' }),
    item('group-meeting', 'group', 'auto', '工作小組本學期是否至少召開一次會議？', 'Did the group meet at least once this semester?',
      { doc: '003', where: '要點五之一 (line 42)', quote: '每學期至少召開一次會議。' },
      { doc: '002', where: '二、3 (line 30)', quote: '工作小組每學期至少召開一次會議' }),
    item('group-trainings', 'group', 'auto', '是否依規定辦理學生訓練、教師研習、親師說明？', 'Were the student trainings, teacher workshops and parent sessions held as required?',
      { doc: '003', where: '項目二 研習規劃 (line 258–265)', quote: '進行宣導訓練 1.宣導說明 2.操作訓練 3.發表分享' },
      { doc: '002', where: '二、3 (4) (line 40)', quote: '學生訓練、教師研習、親師說明會等。' }),
    item('schedule-published', 'schedule', 'auto', '各項作業期程是否均已訂定起迄時間及自我檢核時間並公告？', 'Does every kind of work have published start and end dates and a self-check date?',
      { doc: '002', where: '二、4 (line 46–50)', quote: '每學期由教務處主任負責規劃，並訂定自我檢核作業。前項作業期程應公告於學校網站，並分別訂定其起迄時間及自我檢核時間。' },
      { doc: '003', where: '項目一 行政規劃 (line 252–255)', quote: '工作小組會議 1.任務分工 2.作業期程' }),
    item('precheck-4-weeks', 'data', 'auto', '是否於開學後 4 週內完成第 1 次開課預檢比對？', 'Was the first course pre-check run within 4 weeks of the semester start?',
      { doc: '003', where: '政策宣導 30 (line 639–641)', quote: '應於每學期開學後4週內完成第1次比對，以確認學校開課及學生修課資料，其課程代碼正確。' }),
    item('precheck-roster', 'data', 'hand', '預檢名冊是否已於國教署期程內提交至中央資料庫？', 'Were the pre-check rosters submitted to the central database in the national window?',
      { doc: '003', where: '政策宣導 32 (line 697–703)', quote: '預檢名冊提交至中央資料庫 … 提交…「預檢_修課紀錄名冊」' }),
    item('certification', 'data', 'auto', '教師是否完成課程學習成果認證？（各教師認證率）', 'Have the teachers certified the course learning outcomes? (rate per teacher)',
      { doc: '003', where: '項目三 資料建置作業 (line 270–272, 448–467)', quote: '上傳/認證 … 課程成果 … 學期中' }),
    item('selection', 'data', 'auto', '學生勾選提交情形（各班勾選率）', 'How far have students selected their records? (rate per class)',
      { doc: '003', where: '項目三 資料建置作業 (line 273, 469–475)', quote: '勾選/提交 … 檔案提交 依國教署公告時間' }),
    item('grade-check', 'data', 'auto', '提交修課紀錄名冊前，是否排定學生核對成績或學分之期程？', 'Before the course-record roster is submitted, is there a window for students to check their grades and credits?',
      { doc: '003', where: '政策宣導 33 (line 729–741)', quote: '提供學生成績申覆、更正之期程 … 於提交名冊前，應確實讓學生核對成績或學分，並修正錯誤。' }),
    item('receipt-window', 'receipt', 'auto', '收訖明細確認期間是否不少於三日？', 'Is the receipt confirmation window at least three days?',
      { doc: '003', where: '要點四之3 (line 861, 936)', quote: '前項學校公告之收訖明細之確認期間，不得少於三日。' }),
    item('receipt-confirmed', 'receipt', 'auto', '學生是否於公告期間內確認收訖明細？（確認、視同確認、疑義）', 'Did students confirm their receipts in the window? (confirmed, deemed confirmed, issues)',
      { doc: '003', where: '要點四之4–5 (line 863–868)', quote: '逾公告期間未確認，或未向學校提出疑義者，視為已確認 … 學生依前項規定提出疑義者，由學校相關單位依其權責，妥為處置。' }),
    item('outcome-load', 'evaluation', 'hand', '各科教學研究會是否討論學生課程學習成果之科目與件數？', 'Did the subject committees discuss in which subjects and how many outcomes students make?',
      { doc: '003', where: '政策宣導 45 (line 1019–1045)', quote: '請各科教學研究會討論 … 非每科皆須產出課程學習成果' }),
    item('evaluation', 'evaluation', 'hand', '是否依各項任務工作成效辦理評核及獎勵？', 'Were the work of each task evaluated and awards given?',
      { doc: '003', where: '要點五之二 (4) (line 134), 政策宣導 (line 1006–1009)', quote: '(四) 辦理成效評核及獎勵。 … 依各項任務工作成效 評核獎勵' },
      { doc: '002', where: '二、11 (line 202)', quote: '各項作業之指定辦理人員及教師，得由執行秘書視其辦理成效，提交工作小組評核' }),
  ],
};

export function selfCheckItem(id: string): SelfCheckItem | undefined {
  return SELF_CHECK_LIST.items.find((i) => i.id === id);
}
