'use client';

import { useId } from 'react';
import { useDashboardFilters } from './dashboard-context';
import styles from './dashboard.module.css';

/**
 * The time charts' like-for-like mode (`likeForLike=1` in the URL, shared by the over-time and gap cards): only the
 * companies with figures in every plotted year, so a partly reported year cannot read as a fall or a closing gap.
 */
export function LikeForLikeSwitch() {
  const { filters, setFilters, frozen } = useDashboardFilters();
  const hintId = useId();
  return (
    <div className={styles.likeForLike}>
      <label>
        <input
          type="checkbox"
          role="switch"
          checked={filters.likeForLike === true}
          disabled={frozen}
          aria-describedby={hintId}
          onChange={(e) => setFilters({ likeForLike: e.target.checked ? true : undefined })}
        />
        Like-for-like
      </label>
      <span id={hintId} className="muted">
        only the companies with figures in every year shown
      </span>
    </div>
  );
}
