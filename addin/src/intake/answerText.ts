import type { IntakeAnswer } from '../api/types';
import type { Translator } from '../i18n/translator';

/**
 * An answer as the reader of the pane writes it, by the question's kind: dates and numbers in the
 * pane's locale, yes/no and consent in its words, several choices as one phrase. Text is shown as
 * the client wrote it.
 */
export function answerText(answer: IntakeAnswer, { t, formatDate, formatNumber, formatList }: Translator): string {
  const [first] = answer.values;
  if (first === undefined) return t('intakes.noAnswer');
  switch (answer.type) {
    case 'date':
      return formatDate(first);
    case 'number':
      return formatNumber(first);
    case 'yesNo':
      return first === 'yes' ? t('intakes.yes') : t('intakes.no');
    case 'consent':
      return first === 'yes' ? t('intakes.consentGiven') : t('intakes.noAnswer');
    case 'multipleChoice':
      return formatList(answer.values);
    default:
      return answer.values.join(', ');
  }
}
