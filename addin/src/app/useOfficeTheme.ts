import { useEffect, useState } from 'react';
import type { OfficeGateway } from '../office/office';

export function useOfficeTheme(office: OfficeGateway): boolean {
  const [isDark, setIsDark] = useState(() => office.theme().isDark);
  useEffect(() => office.onThemeChanged(() => setIsDark(office.theme().isDark)), [office]);
  return isDark;
}
