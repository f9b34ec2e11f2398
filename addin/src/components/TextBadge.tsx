import { makeStyles, mergeClasses, shorthands, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

// The few badges the pane draws (a status, a role, an address's kind), in Fluent's badge colours,
// without Fluent's Badge: its every size, shape and icon variant weighed 1.6 KB gzip of the pane's first
// JavaScript. Always words, never a dot or an icon alone: a status is told by its text.
const useStyles = makeStyles({
  root: {
    display: 'inline-flex',
    alignItems: 'center',
    boxSizing: 'border-box',
    minHeight: '20px',
    padding: `0 ${tokens.spacingHorizontalSNudge}`,
    borderRadius: tokens.borderRadiusCircular,
    // A border of the background's colour, not none: forced colours draw it, and the badge keeps its shape.
    border: `${tokens.strokeWidthThin} solid ${tokens.colorTransparentStroke}`,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: tokens.lineHeightBase200,
    // Words too long for a narrow or zoomed pane wrap inside the badge, which grows, instead of spilling over its border.
    maxWidth: '100%',
    overflowWrap: 'anywhere',
  },
  small: { minHeight: '16px', padding: `0 ${tokens.spacingHorizontalXS}`, fontSize: tokens.fontSizeBase100, lineHeight: tokens.lineHeightBase100 },
  'tint-brand': { backgroundColor: tokens.colorBrandBackground2, color: tokens.colorBrandForeground2, ...shorthands.borderColor(tokens.colorBrandStroke2) },
  'tint-danger': { backgroundColor: tokens.colorPaletteRedBackground1, color: tokens.colorPaletteRedForeground1, ...shorthands.borderColor(tokens.colorPaletteRedBorder1) },
  'tint-informative': { backgroundColor: tokens.colorNeutralBackground4, color: tokens.colorNeutralForeground3, ...shorthands.borderColor(tokens.colorNeutralStroke2) },
  'tint-subtle': { backgroundColor: tokens.colorNeutralBackground1, color: tokens.colorNeutralForeground3, ...shorthands.borderColor(tokens.colorNeutralStroke2) },
  'tint-success': { backgroundColor: tokens.colorPaletteGreenBackground1, color: tokens.colorPaletteGreenForeground1, ...shorthands.borderColor(tokens.colorPaletteGreenBorder1) },
  'tint-warning': { backgroundColor: tokens.colorPaletteYellowBackground1, color: tokens.colorPaletteYellowForeground1, ...shorthands.borderColor(tokens.colorPaletteYellowBorder1) },
  'outline-brand': { color: tokens.colorBrandForeground1, ...shorthands.borderColor('currentColor') },
  'outline-informative': { color: tokens.colorNeutralForeground3, ...shorthands.borderColor(tokens.colorNeutralStroke2) },
  'filled-brand': { backgroundColor: tokens.colorBrandBackground, color: tokens.colorNeutralForegroundOnBrand },
});

export type TextBadgeLook =
  | { appearance: 'tint'; color: 'brand' | 'danger' | 'informative' | 'subtle' | 'success' | 'warning' }
  | { appearance: 'outline'; color: 'brand' | 'informative' }
  | { appearance: 'filled'; color: 'brand' };

export type TextBadgeProps = TextBadgeLook & { size?: 'small' | 'medium'; className?: string; children: ReactNode };

export function TextBadge({ appearance, color, size = 'medium', className, children }: TextBadgeProps) {
  const styles = useStyles();
  return (
    <span className={mergeClasses(styles.root, size === 'small' && styles.small, styles[`${appearance}-${color}` as keyof typeof styles], className)} data-badge="">
      {children}
    </span>
  );
}
