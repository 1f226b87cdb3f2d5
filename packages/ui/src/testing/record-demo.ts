import { html, render } from 'lit';
import '../record-desk/record-desk.ts';
import '../record-form/record-form.ts';
import '../record-import/record-import.ts';
import '../record-list/record-list.ts';
import type { RecordImport } from '../record-import/record-import.component.ts';
import type { FileField } from '../file-field/file-field.component.ts';
import type { RecordImportReportView } from '../record-import/record-import.component.ts';
import { competitionKind, competitionRows, serviceKind } from './record-kinds.ts';
import { memoryRecordSource } from './record-source.ts';

/** A report with problems and one without, for the import's demo. */
const badReport: RecordImportReportView = {
  rows: 3,
  imported: 0,
  ids: [],
  issues: [
    { row: 3, column: '競賽等級代碼', message: '「5」不是競賽等級代碼（1 校級、2 縣市級、3 全國、4 國際）' },
    { row: 4, column: '結果公布日期', message: '「115/02/30」不是實際存在的日期' },
    { row: 4, column: '學號', message: '找不到學號 119999 的學生' },
  ],
};

/**
 * The record screens with the sample 競賽參與紀錄 kind, one per `view` ('desk', 'form',
 * 'form-errors', 'list', 'import', 'withdraw'), for looking at them (scripts/record-screens.mjs).
 */
export async function renderRecordDemo(root: HTMLElement, view: string, locale: 'zh-TW' | 'en' = 'zh-TW'): Promise<void> {
  const { source } = memoryRecordSource(competitionRows, badReport);
  const kinds = [competitionKind, serviceKind];
  switch (view) {
    case 'desk':
      render(html`<licheng-record-desk locale=${locale} heading="學務處 訓育組" default-year="114" default-semester="1" .kinds=${kinds} .source=${source}></licheng-record-desk>`, root);
      return;
    case 'form':
    case 'form-errors': {
      render(html`<licheng-record-form locale=${locale} ask-student default-year="114" default-semester="1" .kind=${competitionKind}></licheng-record-form>`, root);
      if (view === 'form-errors') {
        const form = root.querySelector('licheng-record-form')!;
        await form.updateComplete;
        await form.submit();
      }
      return;
    }
    case 'list':
      render(html`<licheng-record-list locale=${locale} actions .kinds=${[competitionKind]} .records=${competitionRows} .highlight=${{ r2: 'added' }}></licheng-record-list>`, root);
      return;
    case 'import': {
      render(html`<licheng-record-import locale=${locale} .kinds=${kinds} .source=${source}></licheng-record-import>`, root);
      const el = root.querySelector<RecordImport>('licheng-record-import')!;
      await el.updateComplete;
      el.shadowRoot!.querySelector<FileField>('licheng-file-field')!.setFile(new File(['x'], '114競賽名單.xlsx'));
      await el.run(false);
      return;
    }
  }
}
