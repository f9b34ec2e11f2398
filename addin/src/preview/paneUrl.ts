/** The pane's address inside a preview host page: the dev sign-in's tenant and user travel with it. */
export function paneUrl(query: URLSearchParams, page = '/preview/taskpane.html'): string {
  const forwarded = new URLSearchParams();
  for (const name of ['tenant', 'user']) {
    const value = query.get(name);
    if (value) forwarded.set(name, value);
  }
  const qs = forwarded.toString();
  return `${page}${qs ? `?${qs}` : ''}`;
}
