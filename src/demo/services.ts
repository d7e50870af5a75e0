import type { ProviderKind } from "../modules/providers/kinds";
import type { LanguageCode, SupportTypeCode } from "../modules/providers/support-types";
import { LOCALITIES } from "./people";

// Demo services for the demo providers: what each offers follows its registered care service,
// where it works follows its town, rates sit around what Fife paid in 2026 (above the real Living
// Wage of £13.45 an hour plus on-costs).

const TOWN_LOCALITY: Record<string, (typeof LOCALITIES)[number]> = {
  glenrothes: "Glenrothes",
  leven: "Levenmouth",
  methil: "Levenmouth",
  kirkcaldy: "Kirkcaldy",
  "st. andrews": "North East Fife",
  anstruther: "North East Fife",
  cupar: "North East Fife",
  dunfermline: "City of Dunfermline",
  cowdenbeath: "Cowdenbeath",
};

interface DemoProvider {
  id: string;
  name: string;
  kind: ProviderKind;
  serviceType: string;
  town: string | null;
}

function offerOf(p: DemoProvider): { name: string; types: SupportTypeCode[] } {
  if (p.kind === "personal-assistant")
    return { name: "Personal assistant", types: ["personal-assistance", "community-connection"] };
  if (p.kind === "independent-support-organisation")
    return { name: "Independent advice and planning", types: ["advice-and-planning"] };
  if (p.kind === "user-led")
    return { name: "Peer support", types: ["advice-and-planning", "community-connection"] };
  if (p.kind === "social-enterprise")
    return { name: "Work and skills", types: ["employment-support", "learning-and-skills"] };
  if (p.kind === "arms-length-company")
    return { name: "Active lives", types: ["day-opportunities", "community-connection"] };
  if (/housing support/i.test(p.serviceType))
    return { name: "Housing support", types: ["housing-support"] };
  if (/care at home/i.test(p.serviceType))
    return { name: "Care at home", types: ["personal-care", "community-connection"] };
  if (/other than care/i.test(p.serviceType))
    return { name: "Day and short break support", types: ["day-opportunities", "short-breaks"] };
  return { name: "Support at home", types: ["personal-care"] };
}

const EXTRA_LANGUAGES: LanguageCode[][] = [[], ["pl"], [], ["gd"], ["bfi"], [], ["ur", "pa"]];

/** One service per demo provider, with the figures varying so search has something to sort. */
export function demoServices(providers: DemoProvider[], localityIds: Record<string, string>) {
  return providers.map((p, i) => {
    const { name, types } = offerOf(p);
    const home = TOWN_LOCALITY[(p.town ?? "").toLowerCase()];
    const served = home ? [home, LOCALITIES[(i + 3) % LOCALITIES.length]] : [...LOCALITIES];
    const capacity = p.kind === "personal-assistant" ? 30 : 80 + ((i * 37) % 400);
    const available = i % 4 === 3 ? 0 : Math.round((capacity * ((i * 7) % 10)) / 20);
    const ratePence = p.kind === "personal-assistant" ? 1750 : 2460 + ((i * 53) % 380);
    const pounds = `£${(ratePence / 100).toFixed(2)}`;
    return {
      providerId: p.id,
      name,
      description: `${name} from ${p.name}.`,
      supportTypes: types,
      localityIds: [...new Set(served)].map((l) => localityIds[l as string] as string),
      capacityHoursPerWeek: capacity,
      availableHoursPerWeek: available,
      acceptingNewPeople: available > 0,
      hourlyRatePence: ratePence,
      languages: ["en", ...(EXTRA_LANGUAGES[i % EXTRA_LANGUAGES.length] as LanguageCode[])],
      accessibleInformation: `${name}. One hour of support costs ${pounds}. ${
        available > 0
          ? "We can start with new people now."
          : "We are full just now: ask us to add you to our waiting list."
      }`,
    };
  });
}
