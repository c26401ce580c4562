/** The sign-in form. */
import { html } from '../html';
import { layout, type PageContext } from '../layout';

export function loginPage(ctx: PageContext, { error, next, email }: { error?: string; next?: string; email?: string }): string {
  const { t } = ctx.tr;
  return layout(
    ctx,
    t('loginTitle'),
    html`${error ? html`<p class="flash bad" role="alert">${error}</p>` : ''}
<form method="post" action="/login">
<input type="hidden" name="next" value="${next ?? '/'}">
<label for="email">${t('email')}</label><input id="email" name="email" type="email" autocomplete="username" required value="${email ?? ''}">
<label for="password">${t('password')}</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">${t('signIn')}</button></form>`,
  );
}
