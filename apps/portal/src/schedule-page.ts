// The public schedule page (schedule.html): the school's 作業期程 for anyone, without signing in,
// to link from the school website. `?lang=en` shows it in English, `?year=115` another 學年度.
const params = new URLSearchParams(location.search);
const english = params.get('lang') === 'en';
const schedule = document.querySelector('licheng-schedule')!;
const other = document.getElementById('other-language') as HTMLAnchorElement;
if (english) {
  document.documentElement.lang = 'en';
  document.title = 'Learning portfolio schedule | Licheng';
  other.href = '?';
  other.textContent = '中文';
  other.lang = 'zh-Hant-TW';
  document.getElementById('unavailable')!.textContent = 'This school has not switched the schedule on.';
}
schedule.setAttribute('locale', english ? 'en' : 'zh-TW');
const year = Number(params.get('year'));
if (Number.isInteger(year) && year > 0) schedule.setAttribute('academic-year', String(year));

// The schedule belongs to the working group's module; a school that has it off has no schedule to show.
import('@licheng/plugin-working-group/web').catch(() => {
  schedule.remove();
  document.getElementById('unavailable')!.hidden = false;
});
