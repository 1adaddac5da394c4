import { sharesToPercentages, type PercentColumn, type Percentages } from './company-form';
import { LAYER_KEYS, LAYERS, type LayerKey } from './layers';
import { FIRST_YEAR, LAST_YEAR } from './year-range';
import {
  applicableProfile,
  compareProfileKeys,
  currentProfile,
  isBaseProfile,
  profileKeyString,
  profileLabel,
  type ProfileKey,
  type ProfileScope,
} from './profiles';

/**
 * The company form's profiles (docs/data-contract.md §2): the base and every other profile, each edited in
 * percentages by the same exposure editor. The first draft is always the base (all metrics, from the beginning).
 */
export interface ProfileDraft extends ProfileKey {
  percentages: Percentages;
  subLayers: Partial<Record<LayerKey, string>>;
}

interface StoredProfile extends ProfileKey {
  exposures: readonly { layer: LayerKey; share: string; subLayer: string | null }[];
  outside: string;
}

/** A profile as stored → its draft. */
export function draftOf(profile: StoredProfile): ProfileDraft {
  return {
    scope: profile.scope,
    fromYear: profile.fromYear,
    percentages: sharesToPercentages(profile.exposures, profile.outside),
    subLayers: Object.fromEntries(profile.exposures.flatMap((e) => (e.subLayer ? [[e.layer, e.subLayer]] : []))),
  };
}

/** The base first, then the others in their stored order. */
export function profileDrafts(company: {
  exposures: StoredProfile['exposures'];
  outside: string;
  profiles: readonly StoredProfile[];
}): ProfileDraft[] {
  const base = draftOf({ scope: 'all', fromYear: null, exposures: company.exposures, outside: company.outside });
  return [base, ...[...company.profiles].sort(compareProfileKeys).map(draftOf)];
}

/**
 * Why a new profile with this scope and from-year cannot be added, or null: the base key, a key already there, or
 * a from-year that is not a year. `fromYearText` is what was typed; blank means from the beginning.
 */
export function newProfileProblem(drafts: readonly ProfileKey[], scope: ProfileScope, fromYearText: string): string | null {
  const fromYear = parseFromYear(fromYearText);
  if (fromYear === undefined) return 'Write the from-year as a year such as 2024, or leave it blank for "from the beginning".';
  const key = { scope, fromYear };
  if (isBaseProfile(key)) return 'All metrics from the beginning is the base profile: give a from-year, or pick a metric.';
  if (drafts.some((d) => profileKeyString(d) === profileKeyString(key))) return `${profileLabel(key)} exists already.`;
  return null;
}

/** A typed from-year: null when blank, undefined when not a year the app takes (FIRST_YEAR–LAST_YEAR). */
export function parseFromYear(text: string): number | null | undefined {
  const t = text.trim();
  if (t === '') return null;
  if (!/^\d{4}$/.test(t)) return undefined;
  const year = Number(t);
  return year >= FIRST_YEAR && year <= LAST_YEAR ? year : undefined;
}

/**
 * A new profile, starting from the shares that applied to its scope and from-year before it existed (§2's rule over
 * the drafts), and the drafts with it in its place in the stored order (the base stays first).
 */
export function addProfile(
  drafts: readonly ProfileDraft[],
  scope: ProfileScope,
  fromYear: number | null,
): { drafts: ProfileDraft[]; index: number } {
  // "From the beginning" is before every year: only profiles without a from-year apply to it.
  const year = fromYear ?? Number.NEGATIVE_INFINITY;
  const before = scope === 'all' ? currentProfile(drafts, year) : applicableProfile(drafts, scope, year);
  const source = drafts.find((d) => profileKeyString(d) === profileKeyString(before)) ?? drafts[0]!;
  const added: ProfileDraft = {
    scope,
    fromYear,
    percentages: { ...source.percentages },
    subLayers: { ...source.subLayers },
  };
  const [base, ...others] = drafts;
  const sorted = [...others, added].sort(compareProfileKeys);
  return { drafts: [base!, ...sorted], index: 1 + sorted.indexOf(added) };
}

const SHORT_NAMES: Record<PercentColumn, string> = {
  ...Object.fromEntries(LAYERS.map((l) => [l.key, l.name])),
  outside: 'outside',
} as Record<PercentColumn, string>;

/** "Chips 50% · outside 50%": a profile's filled-in shares in short, top layer first, outside last. */
export function sharesSummary(percentages: Percentages): string {
  const columns: PercentColumn[] = [...LAYER_KEYS].reverse();
  const parts = [...columns, 'outside' as const].flatMap((c) =>
    percentages[c].trim() && Number(percentages[c]) !== 0 ? [`${SHORT_NAMES[c]} ${percentages[c].trim()}%`] : [],
  );
  return parts.length ? parts.join(' · ') : 'no shares yet';
}
