import { createRoot } from 'react-dom/client';
import { PreviewApp } from './PreviewApp';
import { installPreviewHost } from './previewHost';

const query = new URLSearchParams(location.search);
// Installed before the pane's iframe exists, so fake-office.js finds it on its first read.
const host = installPreviewHost(query);
createRoot(document.getElementById('root')!).render(<PreviewApp host={host} query={query} />);
