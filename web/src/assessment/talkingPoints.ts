// One list for server and browser: the server module is plain data with no imports.
import { TALKING_POINTS } from "../../../src/modules/assessment/talking-points";

export const TALKING_POINT_OPTIONS = Object.entries(TALKING_POINTS).flatMap(([group, items]) =>
  items.map((item) => ({ value: item, label: `${item} (${group.toLowerCase()})` })),
);
