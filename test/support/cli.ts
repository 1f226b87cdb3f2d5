import { withCheckDigit } from '@licheng/core';
import { runCli as runLicheng, type CliRun } from '@licheng/app-server/testing';

/** Runs the `licheng` command line as its own process in demo mode on `dataDir`. */
export function runCli(args: string[], dataDir: string, env: Record<string, string> = {}): Promise<CliRun> {
  return runLicheng(args, { LICHENG_DEMO: '1', LICHENG_DATA_DIR: dataDir, ...env });
}

/** A valid 身分證號 (letter C, the check digit core's validator accepts) for generated people numbered from 0. */
export function generatedNationalId(index: number, letter: 'C' | 'D' = 'C'): string {
  return withCheckDigit(`${letter}${(index % 2) + 1}${String(index).padStart(7, '0')}`);
}

/** A students roster CSV (the import template's headers) of `count` new students in classes 301…, 50 seats each. */
export function studentsCsv(count: number, firstNo = 1150000, letter: 'C' | 'D' = 'C'): string {
  const lines = ['學號,姓名,身分證號,出生日期,年級,班級,座號,部別,科別代碼,系統帳號'];
  for (let i = 0; i < count; i++) {
    const className = String(301 + Math.floor(i / 50) + (letter === 'D' ? 50 : 0));
    lines.push(`${firstNo + i},測試生${i},${generatedNationalId(i, letter)},2008-0${(i % 9) + 1}-1${i % 10},3,${className},${(i % 50) + 1},日間部,,gen-${letter}-${i}`);
  }
  return `${lines.join('\r\n')}\r\n`;
}
