import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';

// Grey rows in the shape of a person and a line of text, while something loads (the participants, the
// record). Drawn here rather than with Fluent's Skeleton or Spinner, which together weighed 4 KB gzip of
// the pane's first JavaScript for these few shapes.
const useStyles = makeStyles({
  row: { display: 'grid', gridTemplateColumns: '32px 1fr', alignItems: 'center', gap: tokens.spacingHorizontalS, padding: tokens.spacingHorizontalM },
  shape: {
    backgroundColor: tokens.colorNeutralStencil1,
    animationName: { '0%': { opacity: 1 }, '50%': { opacity: 0.45 }, '100%': { opacity: 1 } },
    animationDuration: '1.6s',
    animationIterationCount: 'infinite',
    animationTimingFunction: 'ease-in-out',
    '@media (prefers-reduced-motion: reduce)': { animationName: 'none' },
    // Forced colours drop backgrounds: an outline keeps the shapes visible.
    '@media (forced-colors: active)': { outline: '1px solid GrayText' },
  },
  circle: { width: '32px', height: '32px', borderRadius: tokens.borderRadiusCircular },
  line: { height: '16px', borderRadius: tokens.borderRadiusMedium },
});

export interface LoadingPlaceholderProps {
  /** What is loading, in words: the placeholder's accessible name. */
  label: string;
  rows?: number;
}

export function LoadingPlaceholder({ label, rows = 3 }: LoadingPlaceholderProps) {
  const styles = useStyles();
  return (
    <div role="progressbar" aria-label={label}>
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className={styles.row} aria-hidden="true">
          <span className={mergeClasses(styles.shape, styles.circle)} />
          <span className={mergeClasses(styles.shape, styles.line)} />
        </div>
      ))}
    </div>
  );
}
