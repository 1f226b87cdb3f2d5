import { ACTIVITIES, type Activity } from '@licheng/core';
import type { StoredWindowView, WindowSaveInput } from '../api.ts';

/**
 * The editor's form as plain data: what the working group typed, before it becomes the
 * `working-group.schedule.save` input. Pure, so the element only renders and sends it.
 */
export interface WindowDraft {
  id?: string;
  version?: number;
  activity: Activity;
  semester: 0 | 1 | 2;
  grades: number[];
  /** 班級 as typed: separated by 、 , or spaces. */
  classes: string;
  recordKinds: string;
  qualifier: string;
  start: string;
  end: string;
  /** A start given as a date, or relative to another window (startAnchor, startEdge, startOffsetDays). */
  startMode: 'date' | 'relative';
  startAnchor: string;
  startEdge: 'start' | 'end';
  startOffsetDays: number;
  endMode: 'date' | 'relative';
  anchor: string;
  edge: 'start' | 'end';
  offsetDays: number;
  selfCheck: string;
  /** 提醒 lead times as typed (days before the end, e.g. 「14、3」); empty = the default 7 and 1. */
  reminders: string;
}

export function emptyDraft(): WindowDraft {
  return { activity: ACTIVITIES[0], semester: 1, grades: [], classes: '', recordKinds: '', qualifier: '', start: '', end: '', startMode: 'date', startAnchor: '', startEdge: 'start', startOffsetDays: 0, endMode: 'date', anchor: '', edge: 'end', offsetDays: -14, selfCheck: '', reminders: '' };
}

/** The draft of a stored window, to change it. */
export function draftOf(w: StoredWindowView): WindowDraft {
  return {
    id: w.id,
    version: w.version,
    activity: w.activity,
    semester: w.semester,
    grades: w.grades ? [...w.grades] : [],
    classes: w.classes?.join('、') ?? '',
    recordKinds: w.recordKinds?.join('、') ?? '',
    qualifier: w.qualifier ?? '',
    start: w.start,
    end: w.end,
    startMode: w.startFrom ? 'relative' : 'date',
    startAnchor: w.startFrom?.anchor ?? '',
    startEdge: w.startFrom?.edge ?? 'start',
    startOffsetDays: w.startFrom?.offsetDays ?? 0,
    endMode: w.endFrom ? 'relative' : 'date',
    anchor: w.endFrom?.anchor ?? '',
    edge: w.endFrom?.edge ?? 'end',
    offsetDays: w.endFrom?.offsetDays ?? -14,
    selfCheck: w.selfCheck ?? '',
    reminders: w.reminderLeadDays?.join('、') ?? '',
  };
}

/** Names typed as one text: split at 、 ， , ; and whitespace; empty when none. */
export function namesOf(text: string): string[] {
  return [...new Set(text.split(/[、，,;；\s]+/).map((s) => s.trim()).filter(Boolean))];
}

/** Whether the draft names an end the server can resolve (a date, or an anchor). */
export function hasEnd(d: WindowDraft): boolean {
  return d.endMode === 'date' ? d.end !== '' : d.anchor !== '' && Number.isInteger(d.offsetDays);
}

/** The window part of the save (and load) input. */
export function windowInputOf(d: WindowDraft, academicYear: number): WindowSaveInput['window'] {
  const classes = namesOf(d.classes);
  const kinds = namesOf(d.recordKinds);
  const leads = namesOf(d.reminders).map(Number);
  return {
    activity: d.activity,
    academicYear,
    semester: d.semester,
    ...(d.startMode === 'date' ? (d.start ? { start: d.start } : {}) : d.startAnchor ? { startFrom: { anchor: d.startAnchor, edge: d.startEdge, offsetDays: d.startOffsetDays } } : {}),
    ...(d.endMode === 'date' ? (d.end ? { end: d.end } : {}) : { endFrom: { anchor: d.anchor, edge: d.edge, offsetDays: d.offsetDays } }),
    ...(d.grades.length ? { grades: [...d.grades].sort() } : {}),
    ...(classes.length ? { classes } : {}),
    ...(kinds.length ? { recordKinds: kinds } : {}),
    ...(d.qualifier.trim() ? { qualifier: d.qualifier.trim() } : {}),
    ...(d.selfCheck ? { selfCheck: d.selfCheck } : {}),
    ...(leads.length ? { reminderLeadDays: leads } : {}),
  };
}

/** The save input: the window, and the stored window and version it changes. */
export function saveInputOf(d: WindowDraft, academicYear: number): WindowSaveInput {
  return { ...(d.id ? { id: d.id, version: d.version } : {}), window: windowInputOf(d, academicYear) };
}
