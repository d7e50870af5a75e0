import type { UniqueConflicts } from "../../platform/http/request-errors";

/** What the directory's unique constraints mean, for whichever request runs into one. */
export const PROVIDER_CONFLICTS: UniqueConflicts = {
  // A Care Inspectorate service number names one registered service: one provider in Cairn.
  providers_care_inspectorate_number_unique: {
    path: "careInspectorateNumber",
    message: (taken) =>
      `Another provider in the directory already has the Care Inspectorate number ${taken ?? "given"}.`,
  },
};
