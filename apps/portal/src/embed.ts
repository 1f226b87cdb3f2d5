// The embedding demo (embed.html): a host page that shows single Licheng elements inside its
// own layout. The elements read the token from window.LICHENG_TOKEN; here the demo sign-in's
// token (kept by the portal in sessionStorage) stands in for what a host would set.
import '@licheng/plugin-student/web';

const demoToken = sessionStorage.getItem('licheng-token');
if (!window.LICHENG_TOKEN && demoToken) window.LICHENG_TOKEN = demoToken;
if (!window.LICHENG_TOKEN) document.getElementById('no-token')?.removeAttribute('hidden');

// A host listens for expiry to refresh its token (here: send the user back to sign in).
document.addEventListener('licheng-token-expired', () => {
  sessionStorage.removeItem('licheng-token');
  document.getElementById('no-token')?.removeAttribute('hidden');
});
