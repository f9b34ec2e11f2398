import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { PersonRegular } from '@fluentui/react-icons';
import { useI18n } from '../i18n/I18nContext';
import { initialsOf } from '../names/initials';

// A person's picture as Fluent's neutral Avatar draws it, without the Avatar package: its colour
// palettes and sizes weighed 8 KB gzip of the pane's first JavaScript, for a decorative circle.
const useStyles = makeStyles({
  circle: {
    display: 'inline-flex',
    alignItems: 'center',
    justifyContent: 'center',
    flexShrink: 0,
    borderRadius: tokens.borderRadiusCircular,
    backgroundColor: tokens.colorNeutralBackground6,
    color: tokens.colorNeutralForeground3,
    fontFamily: tokens.fontFamilyBase,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: 1,
    userSelect: 'none',
    // Forced colours drop backgrounds: an outline keeps the circle's shape.
    '@media (forced-colors: active)': { outline: '1px solid CanvasText' },
  },
  small: { width: '32px', height: '32px', fontSize: tokens.fontSizeBase300 },
  large: { width: '48px', height: '48px', fontSize: tokens.fontSizeBase500 },
});

export interface InitialsProps {
  name: string | null | undefined;
  size: 'small' | 'large';
}

/** Decorative: the name is always written next to it, so it is hidden from assistive technology. */
export function Initials({ name, size }: InitialsProps) {
  const styles = useStyles();
  const { locale } = useI18n();
  const initials = initialsOf(name, locale);
  return (
    <span className={mergeClasses(styles.circle, styles[size])} aria-hidden="true" data-testid="initials">
      {initials || <PersonRegular fontSize={size === 'small' ? 20 : 28} />}
    </span>
  );
}
