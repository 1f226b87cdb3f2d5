import type { AwardProposal, EvaluationOverview } from '../group-api.ts';

/** What working-group.evaluation.overview answers, for element tests (the rules behind it are tested on the server). */

export const proposal = (over: Partial<AwardProposal> & Pick<AwardProposal, 'id' | 'subjectName'>): AwardProposal => ({
  academicYear: 115, subjectKind: 'person', subjectId: null, level: 'commendation', times: 1, reason: '認證如期完成', figures: null,
  proposedBy: 'wg-1', proposedByName: '李主任', proposedAt: '2027-03-06T02:00:00.000Z', withdrawnAt: null, decision: null, ...over,
});

/** What the server answers for 115 in its second semester, as the executive secretary. */
export function overview115(over: Partial<EvaluationOverview> = {}): EvaluationOverview {
  return {
    academicYear: 115, today: '2027-03-10', phase: 'open', closedReason: null, secretary: { name: '李主任', userId: 'wg-1' }, isSecretary: true,
    figures: {
      people: [{ userId: 't-wang', name: '王老師', roles: ['任課教師'], certification: { decided: 40, onTime: 38, onTimeRate: 0.95 }, rosterExports: 0, precheckRuns: 0 }],
      offices: [
        { key: 'role:registry-staff', name: '註冊組', certification: null, trainings: null, rosters: [{ semester: 1, first: '2027-02-09', onTime: true }, { semester: 2, first: null, onTime: null }], precheck: null },
        { key: 'office:輔導室', name: '輔導室', certification: null, trainings: { planned: 2, held: 1 }, rosters: null, precheck: null },
      ],
    },
    proposals: [proposal({ id: 'p1', subjectName: '陳老師' })],
    meetings: [{ id: 'm1', date: '2027-03-05', place: '會議室' }],
    levels: [{ id: 'commendation', label: '嘉獎' }, { id: 'merit', label: '記功' }, { id: 'major-merit', label: '記大功' }],
    rules: [{ school: '臺北市立啟明學校', source: '001 補充規定 陸、成效評核與獎勵', text: '每學年第2學期得由執行秘書視其辦理成效，提交工作小組議決後……提請敘獎。' }],
    levelSource: '公立高級中等以下學校教師成績考核辦法 第 6 條',
    ...over,
  };
}

