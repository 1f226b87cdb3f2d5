import type { SelfCheckItemView, SelfCheckView } from '../../server/self-check-view.ts';
import type { DashboardView } from '../../server/procedures/dashboard-progress.ts';

/** What `working-group.selfCheck.get` and `working-group.dashboard.progress` answer for the demo semester 114-1 (the server tests hold the rules). */

const source = { doc: '003' as const, where: '政策宣導 30 (line 639)', quote: '應於每學期開學後4週內完成第1次比對' };

export function selfCheckItem(over: Partial<SelfCheckItemView> & Pick<SelfCheckItemView, 'id' | 'text'>): SelfCheckItemView {
  return { section: 'data', sectionText: '資料建置', mode: 'auto', sources: [source], auto: null, hand: null, stateText: '尚未填答', ...over };
}

export const selfCheck114: SelfCheckView = {
  academicYear: 114,
  semester: 1,
  today: '2026-01-20',
  version: '2026-11-28.1',
  note: '國教署簡報第 22–27 頁標題為「自我檢核表 評核管考」，但表格內容為圖片。',
  download: '/api/working-group/self-check.xlsx?academicYear=114&semester=1',
  items: [
    selfCheckItem({ id: 'rules-passed', section: 'rules', sectionText: '補充規定', mode: 'hand', text: '補充規定是否經校務會議通過？' }),
    selfCheckItem({
      id: 'rules-published', section: 'rules', sectionText: '補充規定', mode: 'hand', text: '補充規定是否公告於學校網站？', stateText: '是',
      hand: { answer: 'yes', note: '已公告', byName: '教務主任', at: '2026-01-19T02:00:00.000Z', listVersion: '2026-11-28.1' },
    }),
    selfCheckItem({
      id: 'precheck-4-weeks', text: '是否於開學後 4 週內完成第 1 次開課預檢比對？', stateText: '符合',
      auto: { state: 'met', figures: [{ label: '第 1 次比對日期', value: '2025-08-20' }, { label: '期限', value: '2025-08-28' }], how: '教學組執行開課預檢的紀錄。' },
    }),
    selfCheckItem({
      id: 'certification', text: '教師是否完成課程學習成果認證？（各教師認證率）', stateText: '未符合',
      auto: {
        state: 'not-met', figures: [{ label: '全校認證率', value: '80%' }], how: '本學期未撤銷的課程學習成果。',
        rows: { caption: '各教師認證情形（待認證多者在前）', columns: ['教師', '件數', '通過', '未通過', '待認證', '認證率'], rows: [['王老師', '3', '1', '1', '1', '67%'], ['李老師', '2', '2', '0', '0', '100%']] },
      },
    }),
    selfCheckItem({ id: 'receipt-window', section: 'receipt', sectionText: '收訖明細及確認', text: '收訖明細確認期間是否不少於三日？', stateText: '無資料可判斷', auto: { state: 'no-data', figures: [], how: '本學期尚未匯入收訖明細。' } }),
  ],
};

export const dashboard114: DashboardView = {
  academicYear: 114,
  semester: 1,
  today: '2026-01-20',
  classes: [
    { className: '102', grade: 1, students: 2, selecting: 0, selections: 0, rate: '0%' },
    { className: '101', grade: 1, students: 3, selecting: 2, selections: 3, rate: '67%' },
  ],
  teachers: [
    { teacherId: 't1', name: '王老師', total: 3, passed: 1, failed: 1, pending: 1, rate: '67%' },
    { teacherId: 't2', name: '李老師', total: 2, passed: 2, failed: 0, pending: 0, rate: '100%' },
  ],
  offices: [{ office: 'activities-staff', name: '學務處訓育組', total: 2, passed: 1, failed: 0, pending: 1, rate: '50%' }],
  series: [
    { date: '2025-10-20', certified: 1, selected: 0, certifiedTotal: 1, selectedTotal: 0 },
    { date: '2025-10-21', certified: 3, selected: 0, certifiedTotal: 4, selectedTotal: 0 },
    { date: '2026-01-05', certified: 0, selected: 2, certifiedTotal: 4, selectedTotal: 2 },
    { date: '2026-01-06', certified: 0, selected: 1, certifiedTotal: 4, selectedTotal: 3 },
  ],
};
