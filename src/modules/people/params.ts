import { z } from "zod";

/** A route about one person: their id in the URL. */
export const PersonParams = z.object({ personId: z.uuid("That is not a person's id") });
