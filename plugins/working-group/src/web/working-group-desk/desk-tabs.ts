/**
 * The desk's tabs, each a part of the group's work whose elements load when the tab is first
 * opened (so the office's first load carries the published schedule only). A tab's elements are
 * rendered by the desk; `load` brings their definitions.
 */
export const DESK_TABS = ['schedule', 'progress', 'group', 'trainings', 'proxies', 'self-check', 'evaluation'] as const;
export type DeskTab = (typeof DESK_TABS)[number];

export const loadTab: Record<DeskTab, () => Promise<unknown>> = {
  schedule: () => import('../schedule-editor/schedule-editor.ts'),
  progress: () => import('../group-dashboard/group-dashboard.ts'),
  group: () => Promise.all([import('../group-members/group-members.ts'), import('../group-meetings/group-meetings.ts')]),
  trainings: () => import('../group-trainings/group-trainings.ts'),
  proxies: () => import('../proxies/proxies.ts'),
  'self-check': () => import('../self-check/self-check.ts'),
  evaluation: () => import('../group-evaluation/group-evaluation.ts'),
};

const STORE_KEY = 'licheng.working-group.tab';

/** The tab last opened in this browser tab (so a reload comes back to it), or the schedule. */
export function rememberedTab(): DeskTab {
  let stored: string | null = null;
  try {
    stored = sessionStorage.getItem(STORE_KEY);
  } catch {
    // Storage may be refused (a sandboxed frame): start on the schedule.
  }
  return (DESK_TABS as readonly string[]).includes(stored ?? '') ? (stored as DeskTab) : 'schedule';
}

export function rememberTab(tab: DeskTab): void {
  try {
    sessionStorage.setItem(STORE_KEY, tab);
  } catch {
    // Not remembered: the next visit starts on the schedule.
  }
}
