/** The embeddable widgets: tag name and where its element's source lives (for the manifest). */
export interface Widget {
  tag: string;
  /** The element's component module, relative to the repository root. */
  source: string;
}

export const widgets: readonly Widget[] = [
  { tag: 'licheng-my-outcomes', source: 'plugins/student/src/web/my-outcomes/my-outcomes.component.ts' },
  { tag: 'licheng-outcome-upload', source: 'plugins/student/src/web/outcome-upload/outcome-upload.component.ts' },
  { tag: 'licheng-outcome-selection', source: 'plugins/student/src/web/outcome-selection/outcome-selection.component.ts' },
  { tag: 'licheng-certification-queue', source: 'plugins/teaching/src/web/certification-queue/certification-queue.component.ts' },
  { tag: 'licheng-receipt-reminder', source: 'plugins/receipt/src/web/receipt-reminder/receipt-reminder.component.ts' },
  { tag: 'licheng-class-progress', source: 'plugins/homeroom/src/web/class-progress/class-progress.component.ts' },
  { tag: 'licheng-schedule', source: 'plugins/working-group/src/web/schedule/schedule.component.ts' },
  { tag: 'licheng-deadline-banner', source: 'apps/portal/src/widgets/deadline-banner/deadline-banner.component.ts' },
];
