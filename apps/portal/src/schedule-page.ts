// The public schedule page (schedule.html): the school's 作業期程 for anyone, without signing in,
// to link from the school website. `?lang=en` shows it in English, `?year=115` another 學年度,
// `?school=094301` the school in a deployment of many.
const params = new URLSearchParams(location.search);
const english = params.get('lang') === 'en';
const schedule = document.querySelector('licheng-schedule')!;
const other = document.getElementById('other-language') as HTMLAnchorElement;
// The other language's link keeps the school and year asked for.
const otherParams = new URLSearchParams(params);
if (english) otherParams.delete('lang');
else otherParams.set('lang', 'en');
other.href = `?${otherParams}`;
if (english) {
  document.documentElement.lang = 'en';
  document.title = 'Learning portfolio schedule | Licheng';
  other.textContent = '中文';
  other.lang = 'zh-Hant-TW';
  document.getElementById('unavailable')!.textContent = 'This school has not switched the schedule on.';
}
schedule.setAttribute('locale', english ? 'en' : 'zh-TW');
// A deployment of many schools: `?school=<code>` names the school, and its API is asked below /schools/<code>.
const school = params.get('school');
if (school && /^\d{6}$/.test(school)) {
  schedule.setAttribute('school', school);
  schedule.setAttribute('api-base', `/schools/${school}`);
}
const year = Number(params.get('year'));
if (Number.isInteger(year) && year > 0) schedule.setAttribute('academic-year', String(year));

// The schedule belongs to the working group's module; a school that has it off has no schedule to show.
import('@licheng/plugin-working-group/web').catch(() => {
  schedule.remove();
  document.getElementById('unavailable')!.hidden = false;
});
