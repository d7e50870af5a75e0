import { csvText } from "../../platform/csv/write";
import { indicativeBudget, type RasDefinition, type RasInput } from "./ras";

/** One person's current budget and the RAS answers it came from. */
export interface CurrentBudget {
  personId: string;
  locality: string;
  input: RasInput;
  currentPence: number;
}

export interface Change {
  people: number;
  up: number;
  down: number;
  same: number;
  /** People whose answers the new method cannot score (a question or care group it dropped). */
  unscored: number;
  currentPence: number;
  proposedPence: number;
  changePence: number;
}

export interface Impact {
  overall: Change;
  byLocality: Record<string, Change>;
  byCareGroup: Record<string, Change>;
  people: {
    personId: string;
    locality: string;
    careGroup: string;
    currentPence: number;
    proposedPence: number | null;
  }[];
}

const empty = (): Change => ({
  people: 0,
  up: 0,
  down: 0,
  same: 0,
  unscored: 0,
  currentPence: 0,
  proposedPence: 0,
  changePence: 0,
});

function add(change: Change, current: number, proposed: number | null) {
  change.people++;
  change.currentPence += current;
  if (proposed === null) {
    change.unscored++;
    change.proposedPence += current; // unscored budgets stay as they are
    return;
  }
  change.proposedPence += proposed;
  change.changePence += proposed - current;
  if (proposed > current) change.up++;
  else if (proposed < current) change.down++;
  else change.same++;
}

function bucket(group: Record<string, Change>, name: string): Change {
  group[name] ??= empty();
  return group[name];
}

/** What a candidate RAS would do to every current budget: who goes up or down, and by how much. */
export function simulateImpact(candidate: RasDefinition, budgets: Iterable<CurrentBudget>): Impact {
  const impact: Impact = { overall: empty(), byLocality: {}, byCareGroup: {}, people: [] };
  for (const b of budgets) {
    const result = indicativeBudget(candidate, b.input);
    const proposed = "errors" in result ? null : result.totalPence;
    add(impact.overall, b.currentPence, proposed);
    add(bucket(impact.byLocality, b.locality), b.currentPence, proposed);
    add(bucket(impact.byCareGroup, b.input.careGroup), b.currentPence, proposed);
    impact.people.push({
      personId: b.personId,
      locality: b.locality,
      careGroup: b.input.careGroup,
      currentPence: b.currentPence,
      proposedPence: proposed,
    });
  }
  return impact;
}

const pounds = (pence: number) =>
  `${pence < 0 ? "-" : ""}${Math.floor(Math.abs(pence) / 100)}.${String(Math.abs(pence) % 100).padStart(2, "0")}`;

/** The impact as CSV: one row per breakdown (overall, each locality, each care group), in pounds. */
export function impactCsv(impact: Impact): string {
  const header = [
    "breakdown",
    "name",
    "people",
    "up",
    "down",
    "same",
    "unscored",
    "current_total_gbp",
    "proposed_total_gbp",
    "change_gbp",
  ];
  const row = (breakdown: string, name: string, c: Change) => [
    breakdown,
    name,
    c.people,
    c.up,
    c.down,
    c.same,
    c.unscored,
    pounds(c.currentPence),
    pounds(c.proposedPence),
    pounds(c.changePence),
  ];
  return csvText([
    header,
    row("overall", "all", impact.overall),
    ...Object.entries(impact.byLocality).map(([name, c]) => row("locality", name, c)),
    ...Object.entries(impact.byCareGroup).map(([name, c]) => row("care group", name, c)),
  ]);
}
