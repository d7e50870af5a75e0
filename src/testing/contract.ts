import type { Cairn } from "../server";
import { journey } from "./journey";

/**
 * A new person with a budget, an approved plan of one support (six hours a week at `rate`),
 * and its contract signed by every party: an Option 2 support from the demo provider staff's
 * own provider (a three-way contract), or an Option 1 personal assistant (a direct payment
 * agreement). Money can flow.
 */
export async function activeContract(cairn: Cairn, rate = "25.10", option: "1" | "2" = "2") {
  const j = await journey(cairn).budget("7831.20").plan({ option, hourlyRate: rate }).signed();
  const { person, worker, provider, personId, contractId } = j;
  return { person, worker, provider, personId, contractId };
}
