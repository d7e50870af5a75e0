/** The National Eligibility Framework's risk levels, highest first (no drizzle: the web reads it). */
export const RISK_LEVELS = ["critical", "substantial", "moderate", "low"] as const;

/** When a team manager signs off an assessment before eligibility is decided. */
export const SIGN_OFF_RULES = ["always", "from-level", "never"] as const;
