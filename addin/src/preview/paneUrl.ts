/**
 * The pane's address inside a preview host page: the dev sign-in's tenant and user travel with it, and so do
 * a second account's (its login hint, tenant and user: the development broker of several accounts).
 */
export function paneUrl(query: URLSearchParams, page = '/preview/taskpane.html'): string {
  const forwarded = new URLSearchParams();
  for (const name of ['tenant', 'user', 'account2', 'tenant2', 'user2']) {
    const value = query.get(name);
    if (value) forwarded.set(name, value);
  }
  const qs = forwarded.toString();
  return `${page}${qs ? `?${qs}` : ''}`;
}
