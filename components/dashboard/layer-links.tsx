import { IntentLink } from '@/components/ui/intent-link';
import { dashboardFiltersToSearch, type DashboardFilters } from '@/lib/domain/dashboard/filters';
import { LAYERS } from '@/lib/domain/layers';
import styles from './dashboard.module.css';

/** The drill-down: each layer's page with the dashboard's filters, in stack order from the top. */
export function LayerLinks({ filters }: { filters: DashboardFilters }) {
  const search = dashboardFiltersToSearch({ ...filters, g: undefined, m: undefined, chipsList: undefined });
  return (
    <nav className={styles.layerLinks} aria-label="Layer pages">
      <span className="muted">Drill into a layer:</span>
      {[...LAYERS].reverse().map((layer) => (
        <IntentLink key={layer.key} href={`/layers/${layer.key}${search ? `?${search}` : ''}`} className={styles.layerLink}>
          <span aria-hidden="true" className={styles.layerSwatch} style={{ background: layer.colour }} />
          {layer.position} {layer.name}
        </IntentLink>
      ))}
    </nav>
  );
}
