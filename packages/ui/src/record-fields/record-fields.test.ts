import { expect } from '@open-wc/testing';
import type { RecordFieldSpec } from '@licheng/core';
import { rt } from './messages.ts';
import { displayValue, summaryLabelOf, unitText } from './record-fields.ts';
import { competitionKind } from '../testing/record-kinds.ts';

const periods: RecordFieldSpec = { key: 'periods', type: 'integer', min: 0, max: 999, required: false, unit: { 'zh-TW': '節', en: 'periods' }, label: { 'zh-TW': '節數', en: 'Periods' } };

describe('record texts', () => {
  it('agree in number in English: 1 record, 2 records; 1 period, 1.5 hours; Chinese unchanged', () => {
    expect(rt('list.caption', { kind: 'Reading', count: 1 }, 'en')).to.equal('Reading: 1 record');
    expect(rt('list.caption', { kind: 'Reading', count: 2 }, 'en')).to.equal('Reading: 2 records');
    expect(rt('list.caption', { kind: 'Reading', count: 0 }, 'en')).to.equal('Reading: 0 records');
    expect(rt('import.checked-bad', { rows: 1, count: 1 }, 'en')).to.match(/^The list has 1 row and 1 problem;/);
    expect(rt('import.done', { imported: 1, kind: 'Cadre' }, 'en')).to.equal('Imported 1 Cadre record.');
    expect(rt('form.counter-near', { left: 1 }, 'en')).to.equal('1 character left');
    expect(rt('list.caption', { kind: '閱讀紀錄', count: 1 }, 'zh-TW')).to.equal('閱讀紀錄，共 1 筆');
    expect(displayValue(periods, 1, 'en')).to.equal('1 period');
    expect(displayValue(periods, 3, 'en')).to.equal('3 periods');
    expect(displayValue(periods, 1, 'zh-TW')).to.equal('1 節');
    expect(unitText({ 'zh-TW': '小時', en: 'hours' }, 1.5, 'en')).to.equal('hours');
    expect(unitText({ 'zh-TW': '公分', en: 'cm' }, 1, 'en')).to.equal('cm');
  });

  it('names the summary by the kind: 內容簡述 unless it has its own label', () => {
    expect(summaryLabelOf(competitionKind, 'zh-TW')).to.equal('內容簡述');
    const consultation = { ...competitionKind, summary: { max: 100, required: false, label: { 'zh-TW': '諮詢內容', en: 'What was discussed' } } };
    expect(summaryLabelOf(consultation, 'zh-TW')).to.equal('諮詢內容');
    expect(summaryLabelOf(consultation, 'en')).to.equal('What was discussed');
  });
});
