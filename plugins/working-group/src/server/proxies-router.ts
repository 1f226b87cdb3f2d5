import { router } from '@licheng/server';
import { absencesEnd } from './procedures/absences-end.ts';
import { absencesRecord } from './procedures/absences-record.ts';
import { departuresRecord } from './procedures/departures-record.ts';
import { departuresWithdraw } from './procedures/departures-withdraw.ts';
import { proxiesList } from './procedures/proxies-list.ts';
import { proxiesSave } from './procedures/proxies-save.ts';

/** 代理人: proxy lists, absences and departures — `working-group.proxies.*`, `.absences.*`, `.departures.*`. */
export const proxiesRouters = {
  proxies: router({ list: proxiesList, save: proxiesSave }),
  absences: router({ record: absencesRecord, end: absencesEnd }),
  departures: router({ record: departuresRecord, withdraw: departuresWithdraw }),
};
