export interface CommunitySupport {
  id: string;
  name: string;
  description: string;
  contact: string;
  localityId: string | null;
  nationalOutcomes: string[];
  talkingPoints: string[];
}

export interface Needs {
  localityId: string;
  nationalOutcomes: string[];
  talkingPoints: string[];
}

/**
 * The supports that fit a person: open in their locality (or everywhere), ranked by how many
 * of their Talking Points outcomes (2 each) and national outcomes (1 each) they help with.
 */
export function matchSignposts(supports: readonly CommunitySupport[], needs: Needs, limit = 5) {
  return supports
    .filter((s) => s.localityId === null || s.localityId === needs.localityId)
    .map((s) => ({
      support: s,
      score:
        2 * s.talkingPoints.filter((t) => needs.talkingPoints.includes(t)).length +
        s.nationalOutcomes.filter((o) => needs.nationalOutcomes.includes(o)).length,
    }))
    .filter((m) => m.score > 0)
    .sort((a, b) => b.score - a.score || a.support.name.localeCompare(b.support.name))
    .slice(0, limit)
    .map((m) => m.support);
}
