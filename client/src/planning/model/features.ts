/** Who may change a feature, and the order features are listed in. */
import { can, type Feature, type FeatureStatus, type FeatureSummary, type Role } from '@opsboard/shared';

/** The PO (po/admin) and the feature's own lead (unless a viewer) edit a feature and set its pairs. */
export function canEditFeature(role: Role | null, userId: string, feature: Pick<Feature, 'leadId'>): boolean {
  return can(role, 'plan') || (feature.leadId === userId && can(role, 'write'));
}

const STATUS_ORDER: Record<FeatureStatus, number> = { active: 0, proposed: 1, done: 2, dropped: 3 };

/** Active first, then proposed, done and dropped; by name within each. */
export function sortFeatures(list: readonly FeatureSummary[]): FeatureSummary[] {
  return [...list].sort((a, b) => STATUS_ORDER[a.feature.status] - STATUS_ORDER[b.feature.status] || a.feature.name.localeCompare(b.feature.name));
}

export type StatusFilter = FeatureStatus | 'all' | 'open';

/** "open" is what a team works on or is about to: active and proposed. */
export function matchesStatus(feature: Pick<Feature, 'status'>, filter: StatusFilter): boolean {
  if (filter === 'all') return true;
  if (filter === 'open') return feature.status === 'active' || feature.status === 'proposed';
  return feature.status === filter;
}
