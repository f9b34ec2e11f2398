import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nProvider } from '../i18n/I18nContext';
import { translatorFor } from '../i18n/bothCatalogs';
import type { Locale } from '../i18n/translator';

export function renderInPane(ui: ReactElement, locale: Locale = 'en') {
  return render(
    <I18nProvider translator={translatorFor(locale)}>
      <FluentProvider theme={webLightTheme}>{ui}</FluentProvider>
    </I18nProvider>,
  );
}
