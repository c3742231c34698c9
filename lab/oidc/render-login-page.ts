import { DEMO_USERS } from './demo-users';
import { escapeHtml, renderLabPage } from './render-lab-page';

export type LoginPageModel = {
  uid: string;
  /** Preselected demo user, from the request's login_hint or the last attempt. */
  selectedUserId?: string;
  error?: string;
  /** True when the client asked for a fresh sign-in (prompt=login or max_age). */
  reauthentication: boolean;
};

/** The lab provider's login form: pick a demo user, type the demo password. */
export function renderLoginPage(model: LoginPageModel): string {
  const uid = encodeURIComponent(model.uid);
  const selected = model.selectedUserId ?? '';
  const users = DEMO_USERS.map((user) => {
    const id = `user-${escapeHtml(user.id)}`;
    return `<div class="user">
      <input type="radio" name="login" id="${id}" value="${escapeHtml(user.id)}" required${user.id === selected ? ' checked' : ''}>
      <label for="${id}"><span class="name">${escapeHtml(user.name)}</span> <span class="role">${user.roles.map(escapeHtml).join(', ')}</span> <span class="email">${escapeHtml(user.email)}</span></label>
    </div>`;
  }).join('\n');
  const error = model.error ? `<p class="error" role="alert" id="login-error">${escapeHtml(model.error)}</p>` : '';
  const describedBy = model.error ? 'password-hint login-error' : 'password-hint';
  const intro = model.reauthentication
    ? '<p>Lifeboat asks you to sign in again to confirm it is you.</p>'
    : '<p>Sign in to Lifeboat with one of the demo users below; each holds one role.</p>';
  return renderLabPage(
    'Sign in',
    `<h1>Sign in to Lifeboat</h1>
<p class="muted">Local lab sign-in: it stands in for Microsoft Entra ID on this machine.</p>
${intro}
${error}
<form method="post" action="/interaction/${uid}/login" novalidate>
  <fieldset>
    <legend>Demo user and role</legend>
    ${users}
  </fieldset>
  <label for="password">Password</label>
  <input id="password" name="password" type="password" autocomplete="current-password" required aria-describedby="${describedBy}"${model.error ? ' aria-invalid="true" autofocus' : ''}>
  <p id="password-hint" class="muted">Every demo user's password is <code>lifeboat</code>.</p>
  <div class="actions">
    <button type="submit" class="primary">Sign in</button>
  </div>
</form>
<form method="post" action="/interaction/${uid}/abort">
  <div class="actions"><button type="submit" class="secondary">Cancel sign-in</button></div>
</form>`,
  );
}
